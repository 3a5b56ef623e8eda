import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { buildAlicloudExample } from '../../examples/alicloud/app';
import { buildAwsExample } from '../../examples/aws/app';
import { alicloud, aws } from '../../lib';
import { dependencyViolations } from './dependencies';

// Every resource that names another resource of its stack by a literal depends on it. Checked over
// all examples and a matrix of props on both clouds.

const code = fs.mkdtempSync(path.join(os.tmpdir(), 'deps-'));
fs.writeFileSync(path.join(code, 'index.js'), 'exports.handler = async () => "ok";\n');

function stacksOf(build: (app: App) => void): { [name: string]: any } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'deps-out-'));
  const app = new App({ outdir, stackTraces: false });
  build(app);
  app.synth();
  const dir = path.join(outdir, 'stacks');
  return Object.fromEntries(fs.readdirSync(dir).map((s) => [s, JSON.parse(fs.readFileSync(path.join(dir, s, 'cdk.tf.json'), 'utf8'))]));
}

test('the rule finds a literal name without a dependency', () => {
  const stack = {
    resource: {
      aws_lambda_function: { f: { function_name: 'orders' } },
      aws_lambda_alias: {
        a: { function_name: 'orders', name: 'live' },
        b: { function_name: '${aws_lambda_function.f.function_name}', name: 'b' },
        c: { function_name: 'orders', depends_on: ['aws_lambda_function.f'] },
      },
    },
  };
  expect(dependencyViolations(stack)).toEqual(['aws_lambda_alias.a names aws_lambda_function.f (function_name = "orders") but does not depend on it']);
});

test.each(
  Object.entries(
    stacksOf((app) => {
      buildAwsExample(app);
      buildAlicloudExample(app);
    }),
  ),
)('example %s follows the rule', (_name, json) => {
  expect(dependencyViolations(json)).toEqual([]);
});

type Variant = { name: string; build: (stack: TerraformStack) => void };

const AWS: Variant[] = [
  { name: 'async without qualifier', build: (s) => new aws.AsyncWithDeadLetter(s, 'async', { function: awsFn(s) }) },
  {
    name: 'async on an alias name string',
    build: (s) => {
      const f = awsFn(s);
      new aws.CanaryAlias(s, 'live', { function: f });
      new aws.AsyncWithDeadLetter(s, 'async', { function: f, qualifier: 'live' });
    },
  },
  {
    name: 'async on a CanaryAlias with a buffer',
    build: (s) => {
      const f = awsFn(s);
      const live = new aws.CanaryAlias(s, 'live', { function: f });
      new aws.AsyncWithDeadLetter(s, 'async', { function: f, qualifier: live, buffer: { batchSize: 5 } });
    },
  },
  { name: 'pinned stable version with weight 0', build: (s) => new aws.CanaryAlias(s, 'live', { function: awsFn(s), stableVersion: '3', canaryWeight: 0 }) },
  {
    name: 'failure function and success destination',
    build: (s) => {
      const f = awsFn(s);
      const h = awsFn(s, 'handler');
      new aws.AsyncWithDeadLetter(s, 'async', { function: f, onFailure: h, onSuccess: h });
    },
  },
  {
    name: 'image function with an HTTP trigger and an alias',
    build: (s) => {
      const w = new aws.CustomImageFunction(s, 'web', {
        functionName: 'web',
        image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.0.0',
        // NONE is refused on hashicorp/aws 6.25.0 (the cdktf flavour); the grant names the function.
        httpTrigger: { authType: aws.HttpAuthType.AWS_IAM },
      });
      w.grantInvoke('123456789012');
      new aws.CanaryAlias(s, 'live', { function: w, stableVersion: '1', canaryWeight: 0.1 });
    },
  },
];
const ALICLOUD: Variant[] = [
  { name: 'async without qualifier', build: (s) => new alicloud.AsyncWithDeadLetter(s, 'async', { function: fcFn(s) }) },
  { name: 'async with a buffer', build: (s) => new alicloud.AsyncWithDeadLetter(s, 'async', { function: fcFn(s), buffer: { batchSize: 5 } }) },
  {
    name: 'pinned stable version with weight 0',
    build: (s) => new alicloud.CanaryAlias(s, 'live', { function: fcFn(s), stableVersion: '3', canaryWeight: 0 }),
  },
  {
    name: 'failure function and success destination',
    build: (s) => {
      const f = fcFn(s);
      const h = fcFn(s, 'handler');
      new alicloud.AsyncWithDeadLetter(s, 'async', { function: f, onFailure: h, onSuccess: h });
    },
  },
  {
    name: 'image function with an HTTP trigger and an alias',
    build: (s) => {
      const w = new alicloud.CustomImageFunction(s, 'web', {
        functionName: 'web',
        image: 'registry.cn-hangzhou.aliyuncs.com/demo/web:1.0.0',
        httpTrigger: true,
      });
      new alicloud.CanaryAlias(s, 'live', { function: w, stableVersion: '1', canaryWeight: 0.1 });
    },
  },
];

function awsFn(stack: TerraformStack, name = 'orders') {
  return new aws.LayeredFunction(stack, name, { functionName: name, runtime: 'nodejs22.x', handler: 'index.handler', code });
}
function fcFn(stack: TerraformStack, name = 'orders') {
  return new alicloud.LayeredFunction(stack, name, { functionName: name, runtime: 'nodejs20', handler: 'index.handler', code });
}

describe.each([
  ['aws', AWS],
  ['alicloud', ALICLOUD],
] as const)('%s constructs follow the rule', (cloud, variants) => {
  test.each(variants.map((v) => [v.name, v] as const))('%s', (_name, variant) => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'test');
    if (cloud === 'aws') new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    else new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    variant.build(stack);
    const json = JSON.parse(Testing.synth(stack, true));
    expect(Object.keys(json.resource).length).toBeGreaterThan(2);
    expect(dependencyViolations(json)).toEqual([]);
  });
});
