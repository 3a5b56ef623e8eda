import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { exec, installedVersion, scratchApp } from './scratch-app';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureCdktnDeps } = require('../scripts/cdktn-deps') as { ensureCdktnDeps: () => string };
import { Harness } from './terraform/harness';

// The CDK Terrain package as a user gets it: `npm run build` makes flavours/cdktn, `npm pack`
// packs it, and a scratch cdktn app installs the tarball by name and synthesizes the seed's
// scenarios on both clouds.

const root = path.resolve(__dirname, '..');

test('npm pack the cdktn flavour, install it into a scratch cdktn app, synthesize both clouds and deploy under terraform', () => {
  // This flavour only (the cdktf package test builds the other one in parallel); `npm run build` makes both.
  exec('node', [path.join(root, 'scripts', 'build.js'), 'cdktn'], root);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktn-pack-'));
  const flavour = path.join(root, 'flavours', 'cdktn');
  const packed = JSON.parse(exec('npm', ['pack', '--json', '--pack-destination', work], flavour))[0];
  expect(packed.name).toBe('cdktn-serverless-constructs');
  const files: string[] = packed.files.map((f: { path: string }) => f.path);
  expect(files).toEqual(
    expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/generated/alicloud/fcv3-function/index.js', 'README.md', 'package.json']),
  );
  // Nothing of the cdktf flavour inside: every import names the fork.
  const js = files
    .filter((f) => f.endsWith('.js'))
    .map((f) => fs.readFileSync(path.join(flavour, f), 'utf8'))
    .join('\n');
  expect(js).not.toMatch(/require\("(cdktf|@cdktf\/[^"]+)"\)/);
  expect(js).toMatch(/require\("cdktn"\)/);

  const app = scratchApp(
    path.join(work, 'app'),
    'cdktn-consumer-app',
    {
      'cdktn-serverless-constructs': `file:../${packed.filename}`,
      cdktn: installedVersion('cdktn'),
      constructs: installedVersion('constructs'),
      '@cdktn/provider-aws': installedVersion('@cdktn/provider-aws', ensureCdktnDeps()),
    },
    `
const { App, TerraformStack } = require('cdktn');
const { AwsProvider } = require('@cdktn/provider-aws/lib/provider');
const { aws, alicloud } = require('cdktn-serverless-constructs');
const app = new App({ stackTraces: false, outdir: process.env.OUTDIR || 'cdktf.out' });
const a = new TerraformStack(app, 'aws-seed');
new AwsProvider(a, 'aws', { region: 'eu-west-1' });
const layer = new aws.Layer(a, 'util', { path: 'layer', compatibleRuntimes: ['nodejs22.x'] });
const fn = new aws.LayeredFunction(a, 'fn', { runtime: 'nodejs22.x', handler: 'index.handler', code: 'code', layers: [layer] });
const live = new aws.CanaryAlias(a, 'live', { function: fn });
new aws.AsyncWithDeadLetter(a, 'async', { function: fn, qualifier: live });
const f = new TerraformStack(app, 'alicloud-seed');
new alicloud.AlicloudProvider(f, 'alicloud', { region: 'cn-hangzhou' });
const fcLayer = new alicloud.Layer(f, 'util', { path: 'layer', compatibleRuntimes: ['nodejs20'] });
const fc = new alicloud.LayeredFunction(f, 'fn', { runtime: 'nodejs20', handler: 'index.handler', code: 'code', layers: [fcLayer] });
new alicloud.CanaryAlias(f, 'live', { function: fc });
new alicloud.AsyncWithDeadLetter(f, 'async', { function: fc });
app.synth();
const cdktf = Object.keys(require.cache).some((k) => /node_modules[\\\\/](cdktf|@cdktf)[\\\\/]/.test(k));
console.log(JSON.stringify({ resolved: require.resolve('cdktn-serverless-constructs'), cdktf }));
`,
  );
  const out = JSON.parse(exec('node', ['main.js'], app).trim().split('\n').pop()!);
  expect(out.resolved).toBe(path.join(fs.realpathSync(app), 'node_modules', 'cdktn-serverless-constructs', 'dist', 'index.js'));
  expect(out.cdktf).toBe(false);
  const stack = (name: string) => JSON.parse(fs.readFileSync(path.join(app, 'cdktf.out', 'stacks', name, 'cdk.tf.json'), 'utf8'));
  const awsSeed = stack('aws-seed');
  expect(awsSeed.terraform.required_providers.aws).toEqual({ source: 'hashicorp/aws', version: '6.66.0' });
  expect(Object.keys(awsSeed.resource)).toEqual(
    expect.arrayContaining(['aws_lambda_layer_version', 'aws_lambda_function', 'aws_lambda_alias', 'aws_lambda_function_event_invoke_config']),
  );
  const fcSeed = stack('alicloud-seed');
  expect(fcSeed.terraform.required_providers.alicloud).toEqual({ source: 'aliyun/alicloud', version: '~> 1.291' });
  expect(Object.keys(fcSeed.resource)).toEqual(
    expect.arrayContaining([
      'alicloud_fcv3_layer_version',
      'alicloud_fcv3_function',
      'alicloud_fcv3_function_version',
      'alicloud_fcv3_alias',
      'alicloud_fcv3_async_invoke_config',
    ]),
  );

  // The same app, synthesized into the Terraform harness, applies with an empty second plan.
  const harness = new Harness('cdktn-pack');
  try {
    const stacks = harness.synthWith((outdir) => {
      exec('node', ['main.js'], app, { OUTDIR: outdir });
    });
    expect(stacks.sort()).toEqual(['alicloud-seed', 'aws-seed']);
    for (const s of stacks) expect(harness.deploy(s, `packed cdktn app: ${s}`).changes.length).toBeGreaterThan(0);
  } finally {
    harness.dispose();
  }
});
