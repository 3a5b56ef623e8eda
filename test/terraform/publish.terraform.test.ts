import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { aws } from '../../lib';
import { Harness, releaseCodeFolder } from './harness';

// AWS publishes with `publish = true` on a configuration-only change as well as on a code change
// (function.go, updateComputedAttributesOnPublish: needsFunctionConfigUpdate || needsFunctionCodeUpdate),
// and not for settings that are no part of a version (reserved concurrency).

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'publish-'));
const folder = (release: string) => releaseCodeFolder(work, release);

const STEPS: [string, Partial<aws.LayeredFunctionProps>, string[]][] = [
  ['first deploy', {}, ['1']],
  ['memory only', { memorySize: 512 }, ['2']],
  ['environment only', { memorySize: 512, environment: { MODE: 'b' } }, ['3']],
  ['reserved concurrency only', { memorySize: 512, environment: { MODE: 'b' }, reservedConcurrency: 5 }, []],
  ['code only', { memorySize: 512, environment: { MODE: 'b' }, reservedConcurrency: 5, code: folder('v2') }, ['4']],
  ['nothing', { memorySize: 512, environment: { MODE: 'b' }, reservedConcurrency: 5, code: folder('v2') }, []],
  [
    'JSON logs and a larger /tmp',
    { memorySize: 512, environment: { MODE: 'b' }, reservedConcurrency: 5, code: folder('v2'), logFormat: aws.LogFormat.JSON, diskSize: 2048 },
    ['5'],
  ],
  [
    'log level only',
    {
      memorySize: 512,
      environment: { MODE: 'b' },
      reservedConcurrency: 5,
      code: folder('v2'),
      logFormat: aws.LogFormat.JSON,
      diskSize: 2048,
      applicationLogLevel: aws.ApplicationLogLevel.WARN,
    },
    ['6'],
  ],
  [
    'nothing again',
    {
      memorySize: 512,
      environment: { MODE: 'b' },
      reservedConcurrency: 5,
      code: folder('v2'),
      logFormat: aws.LogFormat.JSON,
      diskSize: 2048,
      applicationLogLevel: aws.ApplicationLogLevel.WARN,
    },
    [],
  ],
  [
    'Python with SnapStart',
    { memorySize: 512, environment: { MODE: 'b' }, reservedConcurrency: 5, code: folder('v2'), runtime: 'python3.13', snapStart: true },
    ['7'],
  ],
  [
    'nothing after SnapStart',
    { memorySize: 512, environment: { MODE: 'b' }, reservedConcurrency: 5, code: folder('v2'), runtime: 'python3.13', snapStart: true },
    [],
  ],
];

describe('AWS publishes a version for every configuration or code change', () => {
  // Strict: Terraform refuses any inconsistent plan or apply of the updates that publish.
  const harness = new Harness('publish', { legacyTypeSystem: false });
  afterAll(() => harness.dispose());
  const build = (app: App, props: Partial<aws.LayeredFunctionProps>) => {
    const stack = new TerraformStack(app, 'publish');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new LocalBackend(stack, { path: '../publish/terraform.publish.tfstate' });
    const fn = new aws.LayeredFunction(stack, 'orders', {
      functionName: 'orders',
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      code: folder('v1'),
      ...props,
    });
    new aws.CanaryAlias(stack, 'live', { function: fn });
  };

  test.each(STEPS)('%s', (step, props, published) => {
    harness.synth((app) => build(app, props));
    harness.deploy('publish', step);
    expect(
      harness
        .journal()
        .filter((e) => e.step === step && e.op === 'publish')
        .map((e) => e.version),
    ).toEqual(published);
    // The alias follows the latest version on a first deploy without a pinned stable version.
    const latest = Object.keys(harness.cloud().functions.orders.versions).pop();
    expect(harness.cloud().functions.orders.aliases.live.version).toBe(latest);
  });
});
