#!/usr/bin/env node
/**
 * npm run bench: what the constructs cost over hand-written provider resources, how synth time grows
 * with the number of functions, how fast and reproducible packaging is, and what loading costs.
 *
 * Every measurement is a separate child process (wall time around the process, peak RSS from the
 * child's own resource usage). Variants alternate run by run so drift on the machine hits both.
 *   BENCH_RUNS=5 (runs per cell)  BENCH_UNITS=50,200,1000  BENCH_SKIP_PACKAGING=1
 */
'use strict';
process.env.CHECKPOINT_DISABLE = '1';
const { execFileSync, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const UNITS = (process.env.BENCH_UNITS ?? '50,200,1000').split(',').map(Number);
const CLOUDS = ['aws', 'alicloud'];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-bench-'));
const started = Date.now();

function log(line) {
  process.stderr.write(`${line}\n`);
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs a node script in a fresh process; returns wall seconds and its last JSON line. */
function runNode(args, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return { seconds, result: JSON.parse(lines[lines.length - 1]) };
}

function writeFolder(dir, files) {
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
}

// ---------------------------------------------------------------------------------------------
log(`building the package (npm run build) …`);
execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });

const codeDir = path.join(work, 'code');
const layerDir = path.join(work, 'layer');
writeFolder(codeDir, { 'index.js': "const _ = require('lodash');\nexports.handler = async (e) => _.chunk(e.items || [], 10).length;\n" });
writeFolder(layerDir, {
  'nodejs/node_modules/lodash/package.json': '{"name":"lodash","main":"lodash.js"}',
  'nodejs/node_modules/lodash/lodash.js':
    'exports.chunk = (a, n) => { const o = []; for (let i = 0; i < a.length; i += n) o.push(a.slice(i, i + n)); return o; };\n'.repeat(50),
});
const cacheDir = path.join(work, 'cache');

// ---------------------------------------------------------------------------------------------
// 1. Library vs hand-written, per cloud and size.
const table = [];
for (const cloud of CLOUDS) {
  // One warm-up per variant (not counted): fills the packaging cache and the OS file cache.
  for (const variant of ['library', 'hand']) {
    runNode([path.join(__dirname, 'program.js'), variant, cloud, '10', path.join(work, 'warm'), codeDir, layerDir], { CDKTF_SERVERLESS_CACHE_DIR: cacheDir });
  }
  for (const units of UNITS) {
    const samples = { library: [], hand: [] };
    let resources = {};
    for (let run = 0; run < RUNS; run++) {
      for (const variant of run % 2 === 0 ? ['library', 'hand'] : ['hand', 'library']) {
        const outdir = path.join(work, `out-${cloud}-${units}-${variant}-${run}`);
        const { seconds, result } = runNode([path.join(__dirname, 'program.js'), variant, cloud, String(units), outdir, codeDir, layerDir], {
          CDKTF_SERVERLESS_CACHE_DIR: cacheDir,
        });
        samples[variant].push({ seconds, rssMb: result.maxRssKb / 1024 });
        resources[variant] = result.resources;
        fs.rmSync(outdir, { recursive: true, force: true });
      }
    }
    if (resources.library !== resources.hand)
      throw new Error(`${cloud} ${units}: the variants synthesized ${resources.library} and ${resources.hand} resources`);
    const row = {
      cloud,
      units,
      resources: resources.library,
      libSeconds: median(samples.library.map((s) => s.seconds)),
      handSeconds: median(samples.hand.map((s) => s.seconds)),
      libRss: median(samples.library.map((s) => s.rssMb)),
      handRss: median(samples.hand.map((s) => s.rssMb)),
    };
    row.timeRatio = row.libSeconds / row.handSeconds;
    row.rssRatio = row.libRss / row.handRss;
    table.push(row);
    log(
      `${cloud} N=${units}: library ${row.libSeconds.toFixed(2)} s ${row.libRss.toFixed(0)} MB, hand ${row.handSeconds.toFixed(2)} s ${row.handRss.toFixed(0)} MB, ratio ${row.timeRatio.toFixed(2)} / ${row.rssRatio.toFixed(2)}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Packaging: a 20,000-file / ~150 MB layer.
let packaging = null;
if (!process.env.BENCH_SKIP_PACKAGING) {
  log('generating a 20,000-file layer folder …');
  const bigLayer = path.join(work, 'big-layer');
  let bytes = 0;
  let seed = 1;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let p = 0; p < 200; p++) {
    for (let f = 0; f < 100; f++) {
      const lines = [];
      let size = 0;
      while (size < 7500) {
        const line = `export function fn_${rand().toString(36)}(a, b) { return a * ${rand() % 1000} + b.${rand().toString(36)}; }\n`;
        lines.push(line);
        size += line.length;
      }
      const file = path.join(bigLayer, 'nodejs', 'node_modules', `pkg${p}`, 'lib', `m${f}.js`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, lines.join(''));
      bytes += size;
    }
  }
  const pkgScript = path.join(__dirname, 'packaging.js');
  const synthPackaging = (cache, outdir) => runNode([pkgScript, outdir, bigLayer, codeDir], { CDKTF_SERVERLESS_CACHE_DIR: cache });
  const cacheA = path.join(work, 'pkg-cache-a');
  const first = synthPackaging(cacheA, path.join(work, 'pkg-1'));
  const second = synthPackaging(cacheA, path.join(work, 'pkg-2'));
  fs.appendFileSync(path.join(bigLayer, 'nodejs', 'node_modules', 'pkg7', 'lib', 'm3.js'), '// changed\n');
  const changed = synthPackaging(cacheA, path.join(work, 'pkg-3'));
  fs.writeFileSync(
    path.join(bigLayer, 'nodejs', 'node_modules', 'pkg7', 'lib', 'm3.js'),
    fs.readFileSync(path.join(bigLayer, 'nodejs', 'node_modules', 'pkg7', 'lib', 'm3.js'), 'utf8').replace('// changed\n', ''),
  );
  // Two clean runs (empty caches, fresh outputs, files touched in between): byte-identical zips?
  const now = new Date();
  for (const f of ['pkg1/lib/m1.js', 'pkg2/lib/m2.js']) fs.utimesSync(path.join(bigLayer, 'nodejs', 'node_modules', f), now, now);
  const cleanB = synthPackaging(path.join(work, 'pkg-cache-b'), path.join(work, 'pkg-4'));
  const sha = (f) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
  packaging = {
    files: 20000,
    megabytes: bytes / 1e6,
    zipMegabytes: first.result.layerZipBytes / 1e6,
    firstSeconds: first.seconds,
    secondSeconds: second.seconds,
    changedSeconds: changed.seconds,
    speedup: first.seconds / second.seconds,
    firstStats: first.result.stats,
    secondStats: second.result.stats,
    changedStats: changed.result.stats,
    identical: sha(first.result.layerZip) === sha(cleanB.result.layerZip) && first.result.sourceCodeHash === cleanB.result.sourceCodeHash,
    zipSha256: sha(first.result.layerZip),
  };
  log(`packaging: first ${first.seconds.toFixed(2)} s, unchanged ${second.seconds.toFixed(2)} s, one file changed ${changed.seconds.toFixed(2)} s`);
}

// ---------------------------------------------------------------------------------------------
// 3. Load time: the library vs cdktf plus the deep provider imports it needs.
const deepImports = [
  'cdktf',
  '@cdktf/provider-aws/lib/cloudwatch-log-group',
  '@cdktf/provider-aws/lib/cloudwatch-metric-alarm',
  '@cdktf/provider-aws/lib/iam-role',
  '@cdktf/provider-aws/lib/iam-role-policy',
  '@cdktf/provider-aws/lib/lambda-alias',
  '@cdktf/provider-aws/lib/lambda-event-source-mapping',
  '@cdktf/provider-aws/lib/lambda-function',
  '@cdktf/provider-aws/lib/lambda-function-event-invoke-config',
  '@cdktf/provider-aws/lib/lambda-function-url',
  '@cdktf/provider-aws/lib/lambda-layer-version',
  '@cdktf/provider-aws/lib/lambda-permission',
  '@cdktf/provider-aws/lib/s3-bucket',
  '@cdktf/provider-aws/lib/s3-bucket-ownership-controls',
  '@cdktf/provider-aws/lib/s3-bucket-public-access-block',
  '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration',
  '@cdktf/provider-aws/lib/s3-bucket-versioning',
  '@cdktf/provider-aws/lib/s3-object',
  '@cdktf/provider-aws/lib/sqs-queue',
];
const loadScript = (requires) =>
  `const t=process.hrtime.bigint();${requires.map((r) => `require(${JSON.stringify(r)});`).join('')}` +
  `const root=Object.keys(require.cache).some(k=>/@cdktf[\\\\/]provider-aws[\\\\/]lib[\\\\/]index\\.js$/.test(k));` +
  `console.log(JSON.stringify({ms:Number(process.hrtime.bigint()-t)/1e6,modules:Object.keys(require.cache).length,root,rssKb:process.resourceUsage().maxRSS}))`;
const load = { library: [], deep: [] };
let libraryLoad = null;
for (let run = 0; run < RUNS; run++) {
  const lib = runNode(['-e', loadScript([path.join(root, 'dist')])]);
  const deep = runNode(['-e', loadScript(deepImports)]);
  load.library.push(lib.result.ms);
  load.deep.push(deep.result.ms);
  libraryLoad = lib.result;
}
if (libraryLoad.root) throw new Error('loading the library loaded the @cdktf/provider-aws root index');

// ---------------------------------------------------------------------------------------------
const f2 = (n) => n.toFixed(2);
const out = [];
out.push(`## Benchmark (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, node ${process.version}, medians of ${RUNS} runs)`);
out.push('');
out.push('| cloud | units | resources | library s | hand-written s | time ratio | library MB | hand-written MB | memory ratio |');
out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of table) {
  out.push(
    `| ${r.cloud} | ${r.units} | ${r.resources} | ${f2(r.libSeconds)} | ${f2(r.handSeconds)} | ${f2(r.timeRatio)} | ${r.libRss.toFixed(0)} | ${r.handRss.toFixed(0)} | ${f2(r.rssRatio)} |`,
  );
}
out.push('');
const growth = [];
for (const cloud of CLOUDS) {
  const at = (u) => table.find((r) => r.cloud === cloud && r.units === u);
  if (at(200) && at(1000)) {
    growth.push({ cloud, library: at(1000).libSeconds / at(200).libSeconds, hand: at(1000).handSeconds / at(200).handSeconds });
    out.push(`Growth 200 → 1000 units (${cloud}): library ${f2(growth[growth.length - 1].library)} ×, hand-written ${f2(growth[growth.length - 1].hand)} ×`);
  }
}
if (packaging) {
  out.push('');
  out.push(`Packaging a ${packaging.files}-file layer (${packaging.megabytes.toFixed(0)} MB, zip ${packaging.zipMegabytes.toFixed(1)} MB) plus one function:`);
  out.push('');
  out.push('| synth | seconds | folders hashed | folders zipped |');
  out.push('|---|---:|---:|---:|');
  out.push(`| first (empty cache) | ${f2(packaging.firstSeconds)} | ${packaging.firstStats.hashed} | ${packaging.firstStats.zipped} |`);
  out.push(`| second, nothing changed | ${f2(packaging.secondSeconds)} | ${packaging.secondStats.hashed} | ${packaging.secondStats.zipped} |`);
  out.push(`| one layer file changed | ${f2(packaging.changedSeconds)} | ${packaging.changedStats.hashed} | ${packaging.changedStats.zipped} |`);
  out.push('');
  out.push(
    `Unchanged synth ${f2(packaging.speedup)} × faster than the first; zips of two clean runs byte-identical: ${packaging.identical ? 'yes' : 'NO'} (sha256 ${packaging.zipSha256.slice(0, 16)}…).`,
  );
}
out.push('');
out.push(
  `Load: require(library) ${f2(median(load.library))} ms (${libraryLoad.modules} modules, provider root loaded: ${libraryLoad.root ? 'yes' : 'no'}) vs require(cdktf) + the ${deepImports.length - 1} deep AWS imports it uses ${f2(median(load.deep))} ms.`,
);
out.push('');
out.push(`Total bench time ${((Date.now() - started) / 1000).toFixed(0)} s.`);
console.log(out.join('\n'));

const failures = [];
for (const r of table) {
  if (r.timeRatio > 1.15) failures.push(`${r.cloud} N=${r.units}: time ratio ${f2(r.timeRatio)} > 1.15`);
  if (r.rssRatio > 1.15) failures.push(`${r.cloud} N=${r.units}: memory ratio ${f2(r.rssRatio)} > 1.15`);
}
for (const g of growth) if (g.library > 5.5) failures.push(`${g.cloud}: growth 200 → 1000 of ${f2(g.library)} > 5.5`);
if (packaging) {
  if (packaging.speedup < 10) failures.push(`packaging: unchanged synth only ${f2(packaging.speedup)} × faster`);
  if (packaging.changedStats.zipped !== 1) failures.push(`packaging: one changed file re-zipped ${packaging.changedStats.zipped} folders`);
  if (!packaging.identical) failures.push('packaging: zips of two clean runs differ');
}
fs.rmSync(work, { recursive: true, force: true });
if (failures.length) {
  console.log(`\nTargets missed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('\nAll targets met.');
