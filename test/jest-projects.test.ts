import * as fs from 'fs';
import * as path from 'path';

// Both jest projects run every suite, but for the cdktf-only few listed with their reasons in
// test/suites.js: a suite left out of the cdktn project, or an exclusion without a reason, fails here.

const root = path.join(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(root, 'jest.config.js'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { cdktfOnly } = require(path.join(root, 'test', 'suites.js')) as { cdktfOnly: { [suite: string]: string } };

function suites(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? suites(path.join(dir, e.name)) : e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : []))
    .sort();
}

function runs(project: { displayName: string; testMatch: string[]; testPathIgnorePatterns: string[] }, file: string): boolean {
  expect(project.testMatch).toEqual(['**/*.test.ts']);
  return !project.testPathIgnorePatterns.some((pattern) => new RegExp(pattern).test(file));
}

const all = suites(path.join(root, 'test'));
const project = (name: string) => config.projects.find((p: { displayName: string }) => p.displayName === name);
const relative = (file: string) => path.relative(path.join(root, 'test'), file).split(path.sep).join('/');
const listed = (rel: string) => Object.keys(cdktfOnly).some((name) => (name.endsWith('/') ? rel.startsWith(name) : rel === name));

test('the cdktn project runs every suite except the listed cdktf-only ones', () => {
  expect(all.length).toBeGreaterThan(30);
  const leftOut = all.filter((f) => !runs(project('cdktn'), f)).map(relative);
  expect(leftOut.filter((rel) => !listed(rel))).toEqual([]);
  // The construct suites the issue named, on both frameworks.
  for (const suite of ['function-alarms', 'grant-invoke', 'http-trigger', 'provider', 'queue-trigger', 'schedule-trigger', 'tags']) {
    expect(leftOut).not.toContain(`${suite}.test.ts`);
  }
});

test('the cdktf project runs every suite but the cdktn flavour comparison', () => {
  expect(all.filter((f) => !runs(project('cdktf'), f)).map(relative)).toEqual(all.map(relative).filter((rel) => rel.startsWith('cdktn/')));
});

test('every cdktf-only entry names a suite or folder that exists, with its reason', () => {
  for (const [name, reason] of Object.entries(cdktfOnly)) {
    expect(fs.existsSync(path.join(root, 'test', name))).toBe(true);
    expect(reason.length).toBeGreaterThan(20);
  }
});
