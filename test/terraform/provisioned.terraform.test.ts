import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { aws } from '../../lib';
import { releaseCodeFolder, withHarness } from './harness';

// Provisioned concurrency on the alias through a release: the alias is repointed (canaryWeight 0),
// the configuration stays. Lambda refuses provisioned concurrency on an alias with weights, which
// is why the library refuses it at synth.

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'provisioned-'));
const folder = (release: string) => releaseCodeFolder(work, release);

function build(app: App, release: string, stableVersion?: string): void {
  const stack = new TerraformStack(app, 'app');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  new LocalBackend(stack, { path: '../app/terraform.app.tfstate' });
  const fn = new aws.LayeredFunction(stack, 'orders', { functionName: 'orders', runtime: 'nodejs22.x', handler: 'index.handler', code: folder(release) });
  new aws.CanaryAlias(stack, 'live', { function: fn, stableVersion, provisionedConcurrency: 5 });
}

test('a release repoints the alias and keeps its provisioned concurrency; every second plan is empty', () => {
  withHarness('provisioned', (harness) => {
    harness.synth((app) => build(app, 'v1'));
    harness.deploy('app', 'first deploy');
    expect(harness.journal().filter((e) => e.type === 'aws_lambda_provisioned_concurrency_config' && e.op === 'create')).toHaveLength(1);
    // New code, pinned to the old version first, then promoted: the configuration is never replaced.
    harness.synth((app) => build(app, 'v2', '1'));
    harness.deploy('app', 'new code, alias still on 1');
    harness.synth((app) => build(app, 'v2', '2'));
    const { changes } = harness.deployPlanned('app', 'promote 2');
    expect(changes.map((c) => `${c.type} ${c.actions.join('/')}`)).toEqual(['aws_lambda_alias update']);
    expect(harness.cloud().functions.orders.aliases.live.version).toBe('2');
  });
});

test('on an alias with weights Lambda refuses provisioned concurrency', () => {
  withHarness('provisioned-weights', (harness) => {
    harness.synth((app) => build(app, 'v1'));
    harness.deploy('app', 'first deploy');
    harness.synth((app) => build(app, 'v2', '1'));
    // What the library refuses at synth, written by hand: 5 % to version 2 on the provisioned alias.
    const file = path.join(harness.outdir, 'stacks', 'app', 'cdk.tf.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    const alias: any = Object.values(json.resource.aws_lambda_alias)[0];
    alias.routing_config = { additional_version_weights: { 2: 0.05 } };
    json.resource.aws_lambda_provisioned_concurrency_config = Object.fromEntries(
      Object.entries<any>(json.resource.aws_lambda_provisioned_concurrency_config).map(([k, v]) => [k, { ...v, provisioned_concurrent_executions: 6 }]),
    );
    fs.writeFileSync(file, JSON.stringify(json, null, 2));
    expect(() => harness.deploy('app', 'weights')).toThrow(/Alias with weights can not be used with\s+Provisioned Concurrency/);
  });
});
