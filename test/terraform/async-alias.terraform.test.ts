import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { alicloud } from '../../lib';
import { Harness, releaseCodeFolder } from './harness';

// FC3 asynchronous invocation on an alias, with Terraform the only writer. aliyun/alicloud reads an
// async configuration back without its qualifier (resourceAliCloudFcv3AsyncInvokeConfigRead →
// DescribeFcv3AsyncInvokeConfig(d.Id()), GET .../async-invoke-config with no query: FC answers for
// LATEST), which the simulated provider reproduces exactly. AsyncWithDeadLetter therefore writes the
// same settings on LATEST first; the alias's configuration depends on it. On one state: create →
// new settings → release (the alias moves to a new version) → destroy, each with an empty second plan.

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'async-alias-'));
const codeFolder = (release: string) => releaseCodeFolder(work, release);

interface Step {
  readonly code: string;
  readonly alias: { stableVersion?: string };
  readonly retryAttempts: number;
  readonly maxEventAge?: number;
}

function build(step: Step) {
  return (app: App) => {
    const stack = new TerraformStack(app, 'app');
    new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    new LocalBackend(stack, { path: '../app/terraform.app.tfstate' });
    alicloud.ArtifactBucket.of(stack, { forceDestroy: true }); // versioned: destroy empties it
    const fn = new alicloud.LayeredFunction(stack, 'orders', {
      functionName: 'orders',
      runtime: 'nodejs20',
      handler: 'index.handler',
      code: codeFolder(step.code),
    });
    const live = new alicloud.CanaryAlias(stack, 'live', { function: fn, ...step.alias });
    new alicloud.AsyncWithDeadLetter(stack, 'orders-async', {
      function: fn,
      qualifier: live,
      retryAttempts: step.retryAttempts,
      maxEventAge: step.maxEventAge,
    });
  };
}

const configs = (h: Harness) => h.cloud().fcFunctions.orders.asyncConfigs;

describe('FC3 async configuration on an alias', () => {
  const harness = new Harness('async-alias');
  afterAll(() => harness.dispose());

  test('1. create: LATEST first, then the alias, both with the same settings', () => {
    harness.synth(build({ code: 'v1', alias: {}, retryAttempts: 1 }));
    const { changes } = harness.deployPlanned('app', 'create');
    const created = changes.filter((c) => c.type === 'alicloud_fcv3_async_invoke_config');
    expect(created.map((c) => c.after.qualifier).sort()).toEqual(['LATEST', 'live']);
    const { LATEST, live } = configs(harness);
    expect(live).toEqual(LATEST);
    expect(live).toEqual(expect.objectContaining({ maxAsyncRetryAttempts: 1, maxAsyncEventAgeInSeconds: 86400 }));
    expect(live.destinationConfig.onFailure.destination).toMatch(/^acs:mns:cn-hangzhou:\d+:\/queues\/.+-dlq\/messages$/);
    // State keeps the alias as the qualifier (the read never sets it).
    const resources = harness.state('app').values.root_module.resources.filter((r: any) => r.type === 'alicloud_fcv3_async_invoke_config');
    expect(resources.map((r: any) => [r.values.qualifier, r.values.max_async_retry_attempts]).sort()).toEqual([
      ['LATEST', 1],
      ['live', 1],
    ]);
  });

  test('2. new settings: both configurations are updated in place, no drift', () => {
    harness.synth(build({ code: 'v1', alias: {}, retryAttempts: 2, maxEventAge: 3600 }));
    const { changes } = harness.deployPlanned('app', 'update');
    expect(changes.filter((c) => c.type === 'alicloud_fcv3_async_invoke_config').map((c) => c.actions)).toEqual([['update'], ['update']]);
    const { LATEST, live } = configs(harness);
    expect(live).toEqual(expect.objectContaining({ maxAsyncRetryAttempts: 2, maxAsyncEventAgeInSeconds: 3600 }));
    expect(live).toEqual(LATEST);
  });

  test('3. release: the alias moves to a new version; the async configurations are untouched', () => {
    harness.synth(build({ code: 'v2', alias: { stableVersion: '1' }, retryAttempts: 2, maxEventAge: 3600 }));
    harness.deploy('app', 'new version');
    harness.synth(build({ code: 'v2', alias: { stableVersion: '2' }, retryAttempts: 2, maxEventAge: 3600 }));
    const { changes } = harness.deployPlanned('app', 'promote');
    expect(changes.map((c) => c.type)).toContain('alicloud_fcv3_alias');
    expect(changes.filter((c) => c.type === 'alicloud_fcv3_async_invoke_config')).toEqual([]);
    expect(harness.cloud().fcFunctions.orders.aliases.live.version).toBe('2');
    expect(configs(harness).live).toEqual(expect.objectContaining({ maxAsyncRetryAttempts: 2 }));
  });

  test('4. destroy: the alias configuration goes before LATEST, nothing is left', () => {
    harness.destroy('app', 'destroy');
    const deletes = harness.journal().filter((e) => e.step === 'destroy' && e.op === 'delete-async-config');
    expect(deletes.map((e: any) => e.qualifier)).toEqual(['live', 'LATEST']);
    expect(harness.cloud().fcFunctions.orders).toBeUndefined();
  });
});

test('without the LATEST twin the provider cannot create a configuration on the alias (the read finds nothing)', () => {
  const harness = new Harness('async-alias-alone');
  try {
    harness.synth(build({ code: 'v1', alias: {}, retryAttempts: 1 }));
    const file = path.join(harness.outdir, 'stacks', 'app', 'cdk.tf.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    const configsJson = json.resource.alicloud_fcv3_async_invoke_config;
    const latest = Object.keys(configsJson).find((k) => configsJson[k].qualifier === 'LATEST')!;
    delete configsJson[latest];
    for (const r of Object.values<any>(configsJson)) r.depends_on = (r.depends_on ?? []).filter((d: string) => !d.endsWith(`.${latest}`));
    fs.writeFileSync(file, JSON.stringify(json, null, 2));
    expect(() => harness.deploy('app', 'create')).toThrow(/AsyncConfigNotExists/);
  } finally {
    harness.dispose();
  }
});
