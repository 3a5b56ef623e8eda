import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..');
const bindings = JSON.parse(fs.readFileSync(path.join(root, 'scripts', 'alicloud-bindings.json'), 'utf8')) as { used: string[]; escapeHatches: string[] };
const moduleOf = (type: string) => type.replace(/^alicloud_/, '').replace(/_/g, '-');

test('the committed Alibaba Cloud bindings are what the generator makes from schema/alicloud.json', () => {
  const out = execFileSync(process.execPath, [path.join(root, 'scripts', 'generate-alicloud.js'), '--check'], {
    env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();
  expect(out).toMatch(/^lib\/generated\/alicloud matches schema\/alicloud\.json \(19 files\)/);
});

test('every generated module is used by the library or listed as an escape hatch, and every used one is imported', () => {
  const generated = fs
    .readdirSync(path.join(root, 'lib', 'generated', 'alicloud'))
    .filter((m) => m !== 'provider' && m !== 'index.ts')
    .sort();
  expect(generated).toEqual([...bindings.used, ...bindings.escapeHatches].map(moduleOf).sort());
  const sources = fs
    .readdirSync(path.join(root, 'lib', 'alicloud'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => fs.readFileSync(path.join(root, 'lib', 'alicloud', f), 'utf8'))
    .join('\n');
  const imported = new Set([...sources.matchAll(/from '\.\.\/generated\/alicloud\/([a-z0-9-]+)'/g)].map((m) => m[1]));
  expect(bindings.used.map(moduleOf).filter((m) => !imported.has(m))).toEqual([]);
  expect(bindings.escapeHatches.map(moduleOf).filter((m) => imported.has(m))).toEqual([]);
});
