import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

// A scratch app as a user would make one to try a packed tarball: a code folder, a layer folder,
// a package.json with the tarball and the framework packages, and a main.js.

const root = path.resolve(__dirname, '..');

export const exec = (cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string =>
  execFileSync(cmd, args, { cwd, env: { ...process.env, CHECKPOINT_DISABLE: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

/** The version of a package installed in this repository (the scratch app installs the same, from npm's cache). */
export const installedVersion = (name: string, modules = path.join(root, 'node_modules')): string =>
  JSON.parse(fs.readFileSync(path.join(modules, name, 'package.json'), 'utf8')).version;

/** Writes the app into `dir` and installs its dependencies; returns `dir`. */
export function scratchApp(dir: string, name: string, dependencies: { [pkg: string]: string }, main: string): string {
  fs.mkdirSync(path.join(dir, 'code'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'layer', 'nodejs'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'code', 'index.js'), 'exports.handler = async () => 1;\n');
  fs.writeFileSync(path.join(dir, 'layer', 'nodejs', 'util.js'), 'module.exports = 1;\n');
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true, dependencies }));
  fs.writeFileSync(path.join(dir, 'main.js'), main);
  exec('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], dir);
  return dir;
}
