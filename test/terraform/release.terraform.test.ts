import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { alicloud, aws } from '../../lib';
import { Harness, releaseCodeFolder } from './harness';

// The release lifecycle of the seed, on one state per cloud, driven as a user would: change props,
// synthesize, apply. First deploy (no stable version) → new code with a 5 % canary → 25 % → promote
// → next canary → roll back. At every step: Harness.deploy proves the second plan empty; here we
// check that no function version or layer version was deleted and that the alias is exactly what
// the props say. There is no state command anywhere.

interface Step {
  readonly name: string;
  readonly code: string;
  readonly alias: { stableVersion?: string; canaryWeight?: number };
  /** What the alias must be in the cloud after the step: its version and extra weights. */
  readonly expect: { version: string; weights: { [v: string]: number } };
  /** Versions published in this step. */
  readonly published: string[];
}

const STEPS: Step[] = [
  { name: 'first deploy', code: 'v1', alias: {}, expect: { version: '1', weights: {} }, published: ['1'] },
  {
    name: 'new code, 5 % canary',
    code: 'v2',
    alias: { stableVersion: '1', canaryWeight: 0.05 },
    expect: { version: '1', weights: { 2: 0.05 } },
    published: ['2'],
  },
  { name: '25 %', code: 'v2', alias: { stableVersion: '1', canaryWeight: 0.25 }, expect: { version: '1', weights: { 2: 0.25 } }, published: [] },
  { name: 'promote', code: 'v2', alias: { stableVersion: '2', canaryWeight: 0 }, expect: { version: '2', weights: {} }, published: [] },
  { name: 'next canary', code: 'v3', alias: { stableVersion: '2', canaryWeight: 0.05 }, expect: { version: '2', weights: { 3: 0.05 } }, published: ['3'] },
  { name: 'roll back', code: 'v3', alias: { stableVersion: '2', canaryWeight: 0 }, expect: { version: '2', weights: {} }, published: [] },
];

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'release-'));
const codeFolder = (release: string) => releaseCodeFolder(work, release);
const layerFolder = path.join(work, 'layer', 'nodejs', 'node_modules', 'greeting');
fs.mkdirSync(layerFolder, { recursive: true });
fs.writeFileSync(path.join(layerFolder, 'index.js'), 'module.exports = "hello";\n');
const layerPath = path.join(work, 'layer');

const CLOUDS = {
  aws: {
    build(app: App, step: Step) {
      const stack = new TerraformStack(app, 'release');
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      new LocalBackend(stack, { path: '../release/terraform.release.tfstate' });
      const layer = new aws.Layer(stack, 'greeting', { path: layerPath, compatibleRuntimes: ['nodejs22.x'], layerName: 'greeting' });
      const fn = new aws.LayeredFunction(stack, 'orders', {
        functionName: 'orders',
        runtime: 'nodejs22.x',
        handler: 'index.handler',
        code: codeFolder(step.code),
        layers: [layer],
      });
      const live = new aws.CanaryAlias(stack, 'live', { function: fn, ...step.alias });
      new aws.AsyncWithDeadLetter(stack, 'orders-async', { function: fn, qualifier: live, retryAttempts: 1 });
    },
    alias: (cloud: any) => ({ version: cloud.functions.orders.aliases.live.version, weights: cloud.functions.orders.aliases.live.weights }),
    versions: (cloud: any) => Object.keys(cloud.functions.orders.versions),
  },
  alicloud: {
    build(app: App, step: Step) {
      const stack = new TerraformStack(app, 'release');
      new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
      new LocalBackend(stack, { path: '../release/terraform.release.tfstate' });
      const layer = new alicloud.Layer(stack, 'greeting', { path: layerPath, compatibleRuntimes: ['nodejs20'], layerName: 'greeting' });
      const fn = new alicloud.LayeredFunction(stack, 'orders', {
        functionName: 'orders',
        runtime: 'nodejs20',
        handler: 'index.handler',
        code: codeFolder(step.code),
        layers: [layer],
      });
      new alicloud.CanaryAlias(stack, 'live', { function: fn, ...step.alias });
      new alicloud.AsyncWithDeadLetter(stack, 'orders-async', { function: fn, retryAttempts: 1 });
    },
    alias: (cloud: any) => ({ version: cloud.fcFunctions.orders.aliases.live.version, weights: cloud.fcFunctions.orders.aliases.live.weights }),
    versions: (cloud: any) =>
      Object.entries<any>(cloud.fcFunctions.orders.versions)
        .filter(([, v]) => v.state === 'published')
        .map(([k]) => k),
  },
};

describe.each(Object.entries(CLOUDS))('release lifecycle on %s', (_name, cloud) => {
  const harness = new Harness(`release-${_name}`);
  afterAll(() => harness.dispose());
  const published: string[] = [];

  test.each(STEPS.map((s, i) => [`${i + 1}. ${s.name}`, s] as const))('%s', (_label, step) => {
    const [stack] = harness.synth((app) => cloud.build(app, step));
    harness.deploy(stack, step.name);
    const journal = harness.journal();
    expect(journal.filter((e) => e.step === step.name && e.op === 'publish').map((e) => e.version)).toEqual(step.published);
    published.push(...step.published);
    // Nothing in use is deleted: every published version and the layer version stay.
    expect(journal.filter((e) => e.op === 'delete-version' || e.op === 'delete-function')).toEqual([]);
    expect(cloud.versions(harness.cloud())).toEqual(published);
    expect(cloud.alias(harness.cloud())).toEqual({
      version: step.expect.version,
      weights: Object.fromEntries(Object.entries(step.expect.weights).map(([k, v]) => [k, v])),
    });
  });
});
