/**
 * The packages only the CDK Terrain side of the repository needs (the cdktn jest project, the cdktn
 * flavour build, scripts/derive-aws-schema.js), kept out of the root package: @cdktn/provider-aws
 * 25.x declares Node >= 22.11, and as a root devDependency it made `npm ci` warn EBADENGINE on the
 * Node 20 the cdktf flavour supports. test/cdktn/deps holds their own package.json and lockfile (so
 * the install is pinned); they are installed on first use, offline from npm's
 * cache when it has them. The install goes to build/cdktn-deps (not committed, and outside the folders
 * jest and tsc crawl). Peers (cdktn, constructs) are not installed: they resolve to the root's
 * single copies, so `instanceof Construct` holds across both.
 */
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const manifests = path.resolve(__dirname, '..', 'test', 'cdktn', 'deps');
const dir = path.resolve(__dirname, '..', 'build', 'cdktn-deps');
const modules = path.join(dir, 'node_modules');

/** Installs test/cdktn/deps into build/cdktn-deps if missing or not as locked; returns its node_modules. */
function ensureCdktnDeps() {
  const wanted = JSON.parse(fs.readFileSync(path.join(manifests, 'package-lock.json'), 'utf8')).packages;
  const current = Object.entries(wanted)
    .filter(([where]) => where.startsWith('node_modules/'))
    .every(([where, { version }]) => {
      const manifest = path.join(dir, where, 'package.json');
      return fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).version === version;
    });
  if (!current) {
    fs.mkdirSync(dir, { recursive: true });
    for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(manifests, file), path.join(dir, file));
    process.stderr.write(`installing the cdktn test dependencies into ${path.relative(process.cwd(), dir) || '.'} (once)\n`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['ci', '--legacy-peer-deps', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return modules;
}

/** Where a module of @cdktn/provider-aws is, e.g. `lib/provider` (after ensureCdktnDeps). */
function cdktnProviderAws(subpath = '') {
  return path.join(modules, '@cdktn', 'provider-aws', subpath);
}

module.exports = { ensureCdktnDeps, cdktnProviderAws, cdktnDepsModules: modules };

if (require.main === module) console.log(ensureCdktnDeps());
