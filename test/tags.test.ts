import { TerraformStack, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { alicloud, aws, Tags } from '../lib';
import { conformanceErrors, loadSchema } from './conformance';
import { makeFolder } from './helpers';

// Tags reach every resource that takes them, on both clouds: stack-wide ones from Tags.of(stack),
// each construct's own from its `tags` prop (deeper wins), and tags set on a resource itself win.

const code = makeFolder({ 'index.js': 'exports.handler = async () => 1;' }, 'code');
const layerDir = makeFolder({ 'nodejs/x.js': 'x' }, 'layer');

const CLOUDS = {
  aws: {
    stack: () => {
      const s = new TerraformStack(Testing.app(), 'test');
      new AwsProvider(s, 'aws', { region: 'eu-west-1' });
      return s;
    },
    ns: aws as any,
    runtime: 'nodejs22.x',
    prefix: 'aws_',
    schema: 'aws.json',
  },
  alicloud: {
    stack: () => {
      const s = new TerraformStack(Testing.app(), 'test');
      new alicloud.AlicloudProvider(s, 'alicloud', { region: 'cn-hangzhou' });
      return s;
    },
    ns: alicloud as any,
    runtime: 'nodejs20',
    prefix: 'alicloud_',
    schema: 'alicloud.json',
  },
};

/** Every resource of the stack that takes tags, with the tags it synthesized to, by address. */
function tagged(json: any, schemaFile: string): { [address: string]: unknown } {
  const schemas = Object.values<any>(loadSchema(schemaFile).provider_schemas)[0].resource_schemas;
  const out: { [address: string]: unknown } = {};
  for (const [type, byName] of Object.entries<any>(json.resource)) {
    if (!schemas[type]?.block.attributes?.tags) continue;
    for (const [name, body] of Object.entries<any>(byName)) out[`${type}.${name}`] = body.tags;
  }
  return out;
}

describe.each(Object.entries(CLOUDS))('%s', (_cloud, c) => {
  test("stack-wide and per-construct tags on every taggable resource; a construct's own win; a resource's own win", () => {
    const stack = c.stack();
    Tags.of(stack).add('project', 'orders');
    Tags.of(stack).add('team', 'platform');
    const layer = new c.ns.Layer(stack, 'lib', { path: layerDir, compatibleRuntimes: [c.runtime], tags: { component: 'shared' } });
    const fn = new c.ns.LayeredFunction(stack, 'orders', {
      functionName: 'orders',
      runtime: c.runtime,
      handler: 'index.handler',
      code,
      layers: [layer],
      tags: { team: 'payments', component: 'orders' },
    });
    new c.ns.AsyncWithDeadLetter(stack, 'async', { function: fn, tags: { component: 'async' } });
    fn.function.tags = { cost: 'fn' }; // set on the resource itself, through the escape hatch
    const json = JSON.parse(Testing.synth(stack, true));
    const tags = tagged(json, c.schema);
    expect(Object.keys(tags).length).toBeGreaterThan(2);
    for (const [address, value] of Object.entries(tags)) {
      if (address.includes('ServerlessArtifacts')) expect(value).toEqual({ project: 'orders', team: 'platform' });
      else if (/\.orders$/.test(address)) expect(value).toEqual({ project: 'orders', team: 'payments', component: 'orders', cost: 'fn' });
      else if (address.includes('.orders_')) expect(value).toEqual({ project: 'orders', team: 'payments', component: 'orders' });
      else if (address.includes('.async_')) expect(value).toEqual({ project: 'orders', team: 'platform', component: 'async' });
      else expect([address, value]).toEqual([address, expect.objectContaining({ project: 'orders' })]);
    }
    expect(conformanceErrors(json, loadSchema(c.schema), c.prefix)).toEqual([]);
  });

  test.each([
    ['', 'keys of 1-128 characters not starting with "aws:", "aliyun" or "acs:"', '""'],
    ['aws:createdBy', 'keys of 1-128 characters not starting with "aws:", "aliyun" or "acs:"', '"aws:createdBy"'],
    ['acs:owner', 'keys of 1-128 characters not starting with "aws:", "aliyun" or "acs:"', '"acs:owner"'],
  ])('a tag key %j is refused', (key, allowed, got) => {
    const stack = c.stack();
    expect(() => new c.ns.LayeredFunction(stack, 'f', { runtime: c.runtime, handler: 'index.handler', code, tags: { [key]: 'x' } })).toThrow(
      `[test/f] tags must be ${allowed}, got ${got}`,
    );
  });

  test('a tag value over 256 characters is refused', () => {
    expect(() => Tags.of(c.stack()).add('k', 'v'.repeat(257))).toThrow(`[test] tags.k must be a string of at most 256 characters, got "${'v'.repeat(257)}"`);
  });
});

test('resources the library did not make are tagged by Tags.of(stack) too', () => {
  const stack = CLOUDS.aws.stack();
  Tags.of(stack).add('project', 'orders');
  new SqsQueue(stack, 'mine', {});
  expect(JSON.parse(Testing.synth(stack, true)).resource.aws_sqs_queue.mine.tags).toEqual({ project: 'orders' });
});
