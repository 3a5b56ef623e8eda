import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalBackend, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { alicloud, aws } from '../../lib';
import { withHarness } from './harness';

// Two regions in one stack through the `provider` prop: each function, its alias, async
// configuration, layer, artifact bucket and code upload go to its own provider's region.

const code = fs.mkdtempSync(path.join(os.tmpdir(), 'providers-'));
fs.writeFileSync(path.join(code, 'index.js'), 'exports.handler = async () => 1;\n');
const lib = fs.mkdtempSync(path.join(os.tmpdir(), 'providers-layer-'));
fs.mkdirSync(path.join(lib, 'nodejs'));
fs.writeFileSync(path.join(lib, 'nodejs', 'x.js'), 'x');

test('AWS: a function in eu-west-1 and one in us-east-1, each with its own bucket, deploy; a second plan is empty', () => {
  withHarness('providers-aws', (harness) => {
    harness.synth((app) => {
      const stack = new TerraformStack(app, 'app');
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      const east = new AwsProvider(stack, 'east', { region: 'us-east-1', alias: 'east' });
      new LocalBackend(stack, { path: '../app/terraform.app.tfstate' });
      const layer = new aws.Layer(stack, 'lib', { path: lib, compatibleRuntimes: ['nodejs22.x'], provider: east });
      const edge = new aws.LayeredFunction(stack, 'edge', {
        functionName: 'edge',
        runtime: 'nodejs22.x',
        handler: 'index.handler',
        code,
        layers: [layer],
        provider: east,
      });
      new aws.CanaryAlias(stack, 'live', { function: edge });
      new aws.AsyncWithDeadLetter(stack, 'async', { function: edge });
      new aws.LayeredFunction(stack, 'home', { functionName: 'home', runtime: 'nodejs22.x', handler: 'index.handler', code });
    });
    harness.deploy('app', 'deploy');
    const functions = harness.cloud().functions;
    expect(functions.edge.arn).toMatch(/^arn:aws:lambda:us-east-1:/);
    expect(functions.home.arn).toMatch(/^arn:aws:lambda:eu-west-1:/);
  });
});

test('Alibaba Cloud: a function in cn-shanghai next to the default cn-hangzhou deploys; a second plan is empty', () => {
  withHarness('providers-alicloud', (harness) => {
    harness.synth((app) => {
      const stack = new TerraformStack(app, 'app');
      new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
      const sh = new alicloud.AlicloudProvider(stack, 'sh', { region: 'cn-shanghai', alias: 'sh' });
      new LocalBackend(stack, { path: '../app/terraform.app.tfstate' });
      const edge = new alicloud.LayeredFunction(stack, 'edge', { functionName: 'edge', runtime: 'nodejs20', handler: 'index.handler', code, provider: sh });
      new alicloud.AsyncWithDeadLetter(stack, 'async', { function: edge });
      new alicloud.LayeredFunction(stack, 'home', { functionName: 'home', runtime: 'nodejs20', handler: 'index.handler', code });
    });
    harness.deploy('app', 'deploy');
    const functions = harness.cloud().fcFunctions;
    expect(Object.keys(functions).sort()).toEqual(['edge', 'home']);
    expect(Object.keys(harness.cloud().ossBuckets)).toHaveLength(2);
  });
});
