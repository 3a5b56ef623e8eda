import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { alicloud, aws } from '../../lib';
import { Harness } from './harness';

// A layer changed in a shared stack while another stack's functions use it: the producer publishes
// a new layer version and keeps the old one; the consumer then plans and applies onto the new one.
// No layer version in use is deleted at any point.

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shared-layer-'));
function layerFolder(content: string): string {
  const dir = path.join(work, content);
  fs.mkdirSync(path.join(dir, 'nodejs', 'node_modules', 'lib'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'nodejs', 'node_modules', 'lib', 'index.js'), `module.exports = ${JSON.stringify(content)};\n`);
  return dir;
}
const code = path.join(work, 'code');
fs.mkdirSync(code);
fs.writeFileSync(path.join(code, 'index.js'), 'exports.handler = async () => require("lib");\n');

const CLOUDS = {
  aws(app: App, content: string) {
    const shared = new TerraformStack(app, 'shared');
    new AwsProvider(shared, 'aws', { region: 'eu-west-1' });
    new LocalBackend(shared, { path: '../shared/terraform.shared.tfstate' });
    const layer = new aws.Layer(shared, 'lib', { path: layerFolder(content), compatibleRuntimes: ['nodejs22.x'], layerName: 'lib' });
    const consumer = new TerraformStack(app, 'consumer');
    new AwsProvider(consumer, 'aws', { region: 'eu-west-1' });
    new LocalBackend(consumer, { path: '../consumer/terraform.consumer.tfstate' });
    new aws.LayeredFunction(consumer, 'api', { functionName: 'api', runtime: 'nodejs22.x', handler: 'index.handler', code, layers: [layer] });
  },
  alicloud(app: App, content: string) {
    const shared = new TerraformStack(app, 'shared');
    new alicloud.AlicloudProvider(shared, 'alicloud', { region: 'cn-hangzhou' });
    new LocalBackend(shared, { path: '../shared/terraform.shared.tfstate' });
    const layer = new alicloud.Layer(shared, 'lib', { path: layerFolder(content), compatibleRuntimes: ['nodejs20'], layerName: 'lib' });
    const consumer = new TerraformStack(app, 'consumer');
    new alicloud.AlicloudProvider(consumer, 'alicloud', { region: 'cn-hangzhou' });
    new LocalBackend(consumer, { path: '../consumer/terraform.consumer.tfstate' });
    new alicloud.LayeredFunction(consumer, 'api', { functionName: 'api', runtime: 'nodejs20', handler: 'index.handler', code, layers: [layer] });
  },
};

describe.each(Object.entries(CLOUDS))('a shared layer changes under a consumer stack (%s)', (cloudName, build) => {
  const harness = new Harness(`shared-layer-${cloudName}`);
  afterAll(() => harness.dispose());
  const layersOf = (state: any) => state.values.root_module.resources.find((r: any) => r.address.endsWith('.api')).values.layers;

  test('first deploy: both stacks, in dependency order', () => {
    const stacks = harness.synth((app) => build(app, 'v1'));
    expect(stacks).toEqual(['shared', 'consumer']);
    stacks.forEach((s) => harness.deploy(s, 'v1'));
    expect(layersOf(harness.state('consumer'))).toEqual([expect.stringMatching(/layer.?[:/]?lib.*1$/)]);
  });

  test('the producer publishes v2 and keeps v1, which the consumer still uses', () => {
    harness.synth((app) => build(app, 'v2'));
    const { changes } = harness.deployPlanned('shared', 'v2: producer');
    const layerChange = changes.find((c) => /layer_version$/.test(c.type))!;
    // Published before the old one is let go; the old one is kept (AWS skip_destroy) or forgotten (FC3).
    expect(layerChange.actions).toEqual(['create', 'delete']);
    expect(harness.journal().filter((e) => e.op === 'delete-version')).toEqual([]);
  });

  test('the consumer plans and applies onto v2; nothing in use was deleted', () => {
    harness.deploy('consumer', 'v2: consumer');
    expect(layersOf(harness.state('consumer'))).toEqual([expect.stringMatching(/2$/)]);
    expect(harness.journal().filter((e) => e.op.startsWith('delete-'))).toEqual([]);
    const kept = harness
      .journal()
      .filter((e) => e.op === 'keep' || e.op === 'forget')
      .map((e) => e.type);
    // AWS keeps the layer version (skip_destroy); FC3 forgets it, and the consumer's function publishes
    // a new version for the new layer and forgets the one before, which stays in FC.
    expect(kept).toEqual(cloudName === 'aws' ? ['aws_lambda_layer_version'] : ['alicloud_fcv3_layer_version', 'alicloud_fcv3_function_version']);
  });
});
