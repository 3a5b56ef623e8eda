import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { conformanceErrors, loadSchema } from '../conformance';

// The examples synthesize with both frameworks, and the Terraform JSON of the two is the same but
// for what each framework writes about itself. The remaining differences are listed exactly.

const root = path.join(__dirname, '..', '..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** Synthesizes the examples with one framework into `outdir` (a new folder by default). */
export function synth(framework: 'cdktf' | 'cdktn', outdir = fs.mkdtempSync(path.join(os.tmpdir(), `flavour-${framework}-`))): { [stack: string]: any } {
  // tsx runs the program in a child process: the resolver hook travels in NODE_OPTIONS.
  const hook = framework === 'cdktn' ? `--require ${path.join(__dirname, 'register.js')}` : '';
  execFileSync(process.execPath, [tsx, path.join(__dirname, 'synth-examples.ts'), outdir], {
    cwd: root,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', NODE_OPTIONS: hook },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stacks = path.join(outdir, 'stacks');
  return Object.fromEntries(
    fs
      .readdirSync(stacks)
      .sort()
      .map((s) => [s, JSON.parse(fs.readFileSync(path.join(stacks, s, 'cdk.tf.json'), 'utf8'))]),
  );
}

/** Every leaf that differs, as "path: cdktf → cdktn". */
function differences(a: unknown, b: unknown, where = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => differences((a as any)[k], (b as any)[k], where ? `${where}.${k}` : k));
  }
  return [`${where}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`];
}

test("the examples synthesize with cdktf and with cdktn to the same Terraform JSON, but for the frameworks' own metadata", () => {
  const withCdktf = synth('cdktf');
  const withCdktn = synth('cdktn');
  expect(Object.keys(withCdktn)).toEqual(Object.keys(withCdktf));
  const diff = Object.keys(withCdktf).flatMap((stack) => differences(withCdktf[stack], withCdktn[stack], stack));
  // Only the framework's version in the metadata, and the AWS provider each package pins
  // (@cdktf/provider-aws 21.22.1 → hashicorp/aws 6.25.0; @cdktn/provider-aws 25.7.0 → 6.66.0),
  // which cdktn spells with its full source address ("aws" and "hashicorp/aws" are the same provider).
  expect(diff).toMatchSnapshot();
  for (const line of diff) expect(line).toMatch(/^[a-z-]+\.(\/\/\.metadata\.version|terraform\.required_providers\.aws\.(version|source)): /);
});

test("in this project the library runs on cdktn, with the fork's Alibaba Cloud bindings", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the mapped module, resolved at run time
  const framework = require('cdktf');
  expect(require.resolve('cdktf')).toContain(`${path.sep}node_modules${path.sep}cdktn${path.sep}`);
  expect(typeof framework.App).toBe('function');
  const bindings = fs.readFileSync(path.join(root, 'build', 'cdktn', 'src', 'generated', 'alicloud', 'fcv3-function', 'index.ts'), 'utf8');
  expect(bindings).toContain("import * as cdktn from 'cdktn';");
});

test('the cdktn flavour conforms to the schemas of the providers it pins (hashicorp/aws 6.66.0, aliyun/alicloud)', () => {
  const stacks = synth('cdktn');
  for (const [name, json] of Object.entries(stacks)) {
    const schema = name.startsWith('aws') ? loadSchema('aws-6.66.0.json') : loadSchema('alicloud.json');
    expect(conformanceErrors(json, schema, name.startsWith('aws') ? 'aws_' : 'alicloud_')).toEqual([]);
  }
});
