import { TerraformStack, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { alicloud, aws } from '../lib';
import { conformanceErrors, loadSchema } from './conformance';
import { makeFolder, resources, synth } from './helpers';

// The `provider` prop: every resource a construct makes (also those added later, such as grants)
// uses it; what a stack shares (artifact bucket, code uploads) exists once per provider; on FC3 the
// ARNs in RAM policies take that provider's region and account.

const code = makeFolder({ 'index.js': 'exports.handler = async () => 1;' }, 'provider-code');
const lib = makeFolder({ 'nodejs/node_modules/lib/index.js': 'x' }, 'provider-layer');

/** Every resource of the JSON as [type.id, its provider or undefined]. */
function providers(json: any): [string, string | undefined][] {
  return Object.entries<any>(json.resource).flatMap(([type, byId]) =>
    Object.entries<any>(byId).map(([id, r]) => [`${type}.${id}`, r.provider] as [string, string | undefined]),
  );
}

describe('aws provider prop', () => {
  function build() {
    const stack = new TerraformStack(Testing.app(), 'test');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    const east = new AwsProvider(stack, 'east', { region: 'us-east-1', alias: 'east' });
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
    return synth(stack);
  }

  test("every resource of the east constructs (alias and async default to the function's) uses aws.east; the others the default", () => {
    const json = build();
    for (const [address, provider] of providers(json)) {
      const east = /\.((edge|lib|live|async)(_|$)|(ServerlessArtifacts|ServerlessCode)-[0-9a-f]{8}(_|$))/.test(address);
      expect({ address, provider }).toEqual({ address, provider: east ? 'aws.east' : undefined });
    }
    expect(conformanceErrors(json, loadSchema('aws.json'), 'aws_')).toEqual([]);
  });

  test('one artifact bucket and one code upload per provider: the function reads code in its own region', () => {
    const json = build();
    expect(
      Object.values<any>(resources(json, 'aws_s3_bucket'))
        .map((b) => b.provider ?? 'default')
        .sort(),
    ).toEqual(['aws.east', 'default']);
    const edge = resources(json, 'aws_lambda_function').edge;
    const object = Object.entries<any>(resources(json, 'aws_s3_object')).find(([id]) => edge.s3_key.includes(id))!;
    expect(object[1].provider).toBe('aws.east');
    expect(object[1].bucket).toMatch(/^\$\{aws_s3_bucket\.ServerlessArtifacts-[0-9a-f]{8}\.bucket\}$/);
  });
});

describe('alicloud provider prop', () => {
  function build() {
    const stack = new TerraformStack(Testing.app(), 'test');
    new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou', accountId: '1111111111111111' });
    const sh = new alicloud.AlicloudProvider(stack, 'sh', { region: 'cn-shanghai', accountId: '2222222222222222', alias: 'sh' });
    const edge = new alicloud.LayeredFunction(stack, 'edge', { functionName: 'edge', runtime: 'nodejs20', handler: 'index.handler', code, provider: sh });
    new alicloud.AsyncWithDeadLetter(stack, 'async', { function: edge });
    new alicloud.LayeredFunction(stack, 'home', { functionName: 'home', runtime: 'nodejs20', handler: 'index.handler', code });
    return { stack, json: synth(stack) };
  }

  test("resources use alicloud.sh; RAM ARNs name that provider's region and account", () => {
    const { json } = build();
    for (const [address, provider] of providers(json)) {
      const sh = /\.((edge|async)(_|$)|(ServerlessArtifacts|ServerlessCode)-[0-9a-f]{8}(_|$))/.test(address);
      expect({ address, provider }).toEqual({ address, provider: sh ? 'alicloud.sh' : undefined });
    }
    const policy = Object.entries<any>(resources(json, 'alicloud_ram_policy')).find(([id]) => id.startsWith('edge_'))![1];
    expect(JSON.parse(policy.policy_document).Statement[0].Resource[0]).toMatch(/^acs:mns:cn-shanghai:2222222222222222:\/queues\//);
    expect(conformanceErrors(json, loadSchema('alicloud.json'), 'alicloud_')).toEqual([]);
  });

  test('each provider has its own artifact bucket, named from its region and account', () => {
    const { json } = build();
    const names = Object.values<any>(resources(json, 'alicloud_oss_bucket')).map((b) => b.bucket);
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
  });

  test('without a literal account, each provider reads its own from its first role ARN; a provider without a literal region is refused by name', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    const sh = new alicloud.AlicloudProvider(stack, 'sh', { region: 'cn-shanghai', alias: 'sh' });
    const edge = new alicloud.LayeredFunction(stack, 'edge', { functionName: 'edge', runtime: 'nodejs20', handler: 'index.handler', code, provider: sh });
    expect(edge.location.region).toBe('cn-shanghai');
    expect(Object.keys(synth(stack).locals)).toEqual([expect.stringMatching(/^ServerlessAccountId-[0-9a-f]{8}$/)]);
    const nowhere = new alicloud.AlicloudProvider(stack, 'nowhere', { alias: 'nowhere' });
    const f = new alicloud.LayeredFunction(stack, 'f', { functionName: 'f', runtime: 'nodejs20', handler: 'index.handler', code, provider: nowhere });
    expect(() => f.location).toThrow('[test/f] region must be set on the AlicloudProvider "nowhere" so RAM policies name exact resources, got nothing');
  });
});
