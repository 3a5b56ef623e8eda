import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { aws } from '../lib';
import { makeFolder } from './helpers';

// The library's warnings reach stderr when an app runs without the CLI; under `cdktf synth` the CLI
// prints them from manifest.json, so the library stays quiet. Each case is a child process with an
// environment of its own (test/setup.ts turns printing off for this process).

const lib = path.resolve(__dirname, '..', 'lib');
const code = makeFolder({ 'index.js': 'exports.handler = async () => 1;' }, 'code');
const base = makeFolder({ 'nodejs/node_modules/lib/index.js': 'base' }, 'base');
const patch = makeFolder({ 'nodejs/node_modules/lib/index.js': 'patched' }, 'patch');
const OVERLAP =
  '[WARNING] [orders/fn] layers: file "nodejs/node_modules/lib/index.js" is in layers "base", "patch"; "patch" wins (a later layer overrides the same file of an earlier one)';

/** A program as a user writes one: two overlapping layers, one function, `app.synth()`. */
function program(appOptions = '{}'): string {
  return `
const { App, TerraformStack } = require('cdktf');
const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
const { aws } = require(${JSON.stringify(lib)});
const app = new App(${appOptions});
const stack = new TerraformStack(app, 'orders');
new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
const layers = [
  new aws.Layer(stack, 'base', { path: ${JSON.stringify(base)}, compatibleRuntimes: ['nodejs22.x'], layerName: 'base' }),
  new aws.Layer(stack, 'patch', { path: ${JSON.stringify(patch)}, compatibleRuntimes: ['nodejs22.x'], layerName: 'patch' }),
];
new aws.LayeredFunction(stack, 'fn', { runtime: 'nodejs22.x', handler: 'index.handler', code: ${JSON.stringify(code)}, layers });
app.synth();
`;
}

/** Runs a program in a fresh folder with only the given CDKTF_* variables set; returns its stderr. */
function run(source: string, env: NodeJS.ProcessEnv = {}, file = 'main.js'): { status: number | null; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-warn-'));
  fs.writeFileSync(path.join(dir, file), file.endsWith('.js') ? `require('tsx/cjs');\n${source}` : source);
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CDKTF_')));
  const cmd = file.endsWith('.ts') ? [path.resolve(__dirname, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs'), file] : [file];
  const result = spawnSync(process.execPath, cmd, {
    cwd: dir,
    env: {
      ...clean,
      NODE_PATH: path.resolve(__dirname, '..', 'node_modules'),
      CHECKPOINT_DISABLE: '1',
      CDKTF_SERVERLESS_CACHE_DIR: path.join(dir, 'cache'),
      ...env,
    },
    encoding: 'utf8',
  });
  return { status: result.status, stderr: result.stderr };
}

const count = (text: string, line: string) => text.split('\n').filter((l) => l === line).length;

test('node main.js: the overlap warning is printed to stderr once, with how to stop printing it', () => {
  const { status, stderr } = run(program());
  expect(status).toBe(0);
  expect(count(stderr, OVERLAP)).toBe(1);
  expect(stderr).toContain(
    'cdktf-serverless-constructs: 1 warning in stack "orders" (also in manifest.json, which `cdktf synth` prints from). Fix what it says, or set the context key "cdktf-serverless:printWarnings" to false to stop printing them.',
  );
});

test('npx tsx main.ts: the same', () => {
  const { status, stderr } = run(program(), {}, 'main.ts');
  expect(status).toBe(0);
  expect(count(stderr, OVERLAP)).toBe(1);
});

test('under cdktf synth / cdktn synth (CDKTF_OUTDIR and CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS set): nothing is printed', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-warn-out-'));
  const { status, stderr } = run(program(), { CDKTF_OUTDIR: outdir, CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: 'true' });
  expect(status).toBe(0);
  expect(stderr).not.toContain('[WARNING]');
  // The warning is in the manifest, where the CLI reads it.
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  expect(manifest.stacks.orders.annotations.map((a: { message: string }) => a.message)).toContain(OVERLAP.replace('[WARNING] [orders/fn] ', ''));
});

test('only an outdir chosen by hand (CDKTF_OUTDIR alone) is not the CLI: printed', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-warn-out-'));
  expect(count(run(program(), { CDKTF_OUTDIR: outdir }).stderr, OVERLAP)).toBe(1);
});

test('context "cdktf-serverless:printWarnings": false silences it, on the App or from cdktf.json (CDKTF_CONTEXT_JSON)', () => {
  const onApp = run(program(`{ context: { 'cdktf-serverless:printWarnings': false } }`));
  expect(onApp.status).toBe(0);
  expect(onApp.stderr).not.toContain('[WARNING]');
  const fromJson = run(program(), { CDKTF_CONTEXT_JSON: JSON.stringify({ 'cdktf-serverless:printWarnings': 'false' }) });
  expect(fromJson.status).toBe(0);
  expect(fromJson.stderr).not.toContain('[WARNING]');
});

test('another value of the context key is refused with the ValidationError', () => {
  const { status, stderr } = run(program(`{ context: { 'cdktf-serverless:printWarnings': 'no' } }`));
  expect(status).not.toBe(0);
  expect(stderr).toContain('ValidationError: [orders] context "cdktf-serverless:printWarnings" must be true or false (or "true" / "false"), got "no"');
});

test('in process: printed once per synthesis of the stack, whatever the number of constructs, when the key is true', () => {
  const app = Testing.app();
  // test/setup.ts sets the key to false for every App of this process; this app turns it back on.
  app.node.setContext('cdktf-serverless:printWarnings', true);
  const stack = new TerraformStack(app, 'orders');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  const layers = [
    new aws.Layer(stack, 'base', { path: base, compatibleRuntimes: ['nodejs22.x'], layerName: 'base' }),
    new aws.Layer(stack, 'patch', { path: patch, compatibleRuntimes: ['nodejs22.x'], layerName: 'patch' }),
  ];
  new aws.LayeredFunction(stack, 'fn', { runtime: 'nodejs22.x', handler: 'index.handler', code, layers });
  const written: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    Testing.synth(stack);
    expect(count(written.join(''), OVERLAP)).toBe(1);
    Testing.synth(stack);
    expect(count(written.join(''), OVERLAP)).toBe(2);
  } finally {
    spy.mockRestore();
  }
});

test('the suites of this process print nothing (test/setup.ts)', () => {
  const stack = new TerraformStack(Testing.app(), 'quiet');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  new aws.LayeredFunction(stack, 'fn', {
    runtime: 'nodejs22.x',
    handler: 'index.handler',
    code,
    layers: [
      new aws.Layer(stack, 'base', { path: base, compatibleRuntimes: ['nodejs22.x'] }),
      new aws.Layer(stack, 'patch', { path: patch, compatibleRuntimes: ['nodejs22.x'] }),
    ],
  });
  const spy = jest.spyOn(process.stderr, 'write');
  try {
    Testing.synth(stack);
    expect(spy).not.toHaveBeenCalled();
  } finally {
    spy.mockRestore();
  }
});
