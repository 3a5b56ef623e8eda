import { buildAlicloudExample } from '../../examples/alicloud/app';
import { buildAwsExample } from '../../examples/aws/app';
import { Harness } from './harness';

// The account the simulated Alibaba Cloud answers with (sim/alicloud.js).
const ACCOUNT = '1234567890123456';

// Every example stack of the app, in dependency order, with the app's own cross-stack wiring:
// apply (validate and plan included) and a second plan that must be empty (Harness.deploy).
describe.each([
  ['as SDKv2 providers answer (legacy type system)', true],
  ['with strict consistency checks (no legacy type system)', false],
])('examples under terraform, %s', (_how, legacyTypeSystem) => {
  const harness = new Harness('examples', { legacyTypeSystem });
  afterAll(() => harness.dispose());
  const stacks = harness.synth((app) => {
    buildAwsExample(app);
    buildAlicloudExample(app);
  });

  test('the stacks come in dependency order', () => {
    expect(stacks.indexOf('aws-shared-layers')).toBeLessThan(stacks.indexOf('aws-orders'));
    expect(stacks).toEqual(expect.arrayContaining(['aws-shared-layers', 'aws-orders', 'alicloud-orders']));
  });

  test.each(stacks)('%s deploys and a second plan is empty', (stack) => {
    const result = harness.deploy(stack, `first deploy of ${stack}`);
    expect(result.changes.length).toBeGreaterThan(0);
    expect(result.changes.every((c) => c.action === 'create')).toBe(true);
  });

  test('the consumer stack uses the layer versions the producer published, in order', () => {
    const layers = harness.state('aws-shared-layers').values.root_module.resources.filter((r: any) => r.type === 'aws_lambda_layer_version');
    const arn = (name: string) => layers.find((r: any) => r.values.layer_name === name).values.arn;
    const orders = harness
      .state('aws-orders')
      .values.root_module.resources.find((r: any) => r.type === 'aws_lambda_function' && r.values.function_name === 'orders');
    expect(orders.values.layers).toEqual([arn('lodash'), arn('lodash-patch')]);
  });

  test('the FC3 alarms watch the deployed function and dead-letter queue by name, in the JSON list of dimension sets CloudMonitor reads', () => {
    const alarms = harness
      .state('alicloud-production')
      .values.root_module.resources.filter((r: any) => r.type === 'alicloud_cms_alarm')
      .map((r: any) => r.values);
    const fc = alarms.filter((a: any) => a.project === 'acs_fc');
    expect(fc.map((a: any) => a.metric).sort()).toEqual([
      'FunctionConcurrencyThrottles',
      'FunctionFunctionErrors',
      'FunctionP99Duration',
      'FunctionResourceThrottles',
    ]);
    const fnDimensions = { userId: ACCOUNT, region: 'cn-hangzhou', functionName: 'jobs-worker' };
    for (const a of fc) {
      expect(JSON.parse(a.metric_dimensions)).toEqual([fnDimensions]);
      expect(a).toEqual(expect.objectContaining({ period: 60, contact_groups: ['jobs-oncall'], dimensions: fnDimensions }));
    }
    const deadLetters = alarms.find((a: any) => a.project === 'acs_mns_new');
    expect(deadLetters).toEqual(
      expect.objectContaining({ metric: 'ActiveMessages', dimensions: { userId: ACCOUNT, region: 'cn-hangzhou', queue: 'jobs-dlq' } }),
    );
  });

  test('nothing was deleted', () => {
    expect(harness.journal().filter((e) => e.op.startsWith('delete'))).toEqual([]);
  });
});
