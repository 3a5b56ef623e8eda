import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { Construct } from 'constructs';
import { cacheDirectory, packageFolder, packagingStats } from '../lib/core/package';
import { crc32, crc32Table } from '../lib/core/private/zip';
import { makeFolder, readZip } from './helpers';

const scope = new Construct(undefined as any, 'app');

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('base64');
}

describe('deterministic packaging', () => {
  test('entries are sorted, dated 1980-01-01, 0644 or 0755, content intact', () => {
    const dir = makeFolder({ 'b.js': 'b', 'a/z.txt': 'z', 'a/b.txt': 'bb', 'run.sh': '#!/bin/sh\necho hi\n' });
    fs.chmodSync(path.join(dir, 'run.sh'), 0o755);
    const p = packageFolder(scope, 'path', dir);
    const entries = readZip(p.zipFile);
    expect(entries.map((e) => e.name)).toEqual(['a/b.txt', 'a/z.txt', 'b.js', 'run.sh']);
    expect(entries.map((e) => e.mode & 0o777)).toEqual([0o644, 0o644, 0o644, 0o755]);
    expect(new Set(entries.map((e) => `${e.dosDate}/${e.dosTime}`))).toEqual(new Set(['33/0']));
    expect(entries.find((e) => e.name === 'run.sh')!.data.toString()).toBe('#!/bin/sh\necho hi\n');
    expect(p.unzippedSize).toBe(1 + 1 + 2 + 18);
    expect(p.zipSha256).toBe(sha256(p.zipFile));
  });

  test('the same content gives byte-identical zips whatever the mtimes, folder location and cache', () => {
    const files = { 'nodejs/node_modules/x/index.js': 'module.exports = 1;\n'.repeat(200), 'nodejs/package.json': '{}' };
    const one = makeFolder(files, 'one');
    const two = makeFolder(files, 'two with spaces');
    fs.utimesSync(path.join(two, 'nodejs/package.json'), new Date('2001-02-03'), new Date('2001-02-03'));
    const a = packageFolder(scope, 'path', one);
    const aBytes = fs.readFileSync(a.zipFile);
    process.env.CDKTF_SERVERLESS_CACHE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-other-cache-'));
    const b = packageFolder(scope, 'path', two);
    expect(b.zipFile).not.toBe(a.zipFile);
    expect(fs.readFileSync(b.zipFile).equals(aBytes)).toBe(true);
    expect(b.contentHash).toBe(a.contentHash);
    expect(b.zipSha256).toBe(a.zipSha256);
  });

  test('zips are identical across processes, and a later process reuses the cache', () => {
    const dir = makeFolder({ 'index.js': 'exports.handler = async () => 42;\n', 'lib/util.js': 'x'.repeat(5000) });
    const here = packageFolder(scope, 'path', dir);
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-child-'));
    const script = `require('tsx/cjs'); const { packageFolder } = require(${JSON.stringify(path.resolve(__dirname, '../lib/core/package'))});
      const { Construct } = require('constructs'); const p = packageFolder(new Construct(undefined, 'x'), 'path', ${JSON.stringify(dir)});
      const { packagingStats } = require(${JSON.stringify(path.resolve(__dirname, '../lib/core/package'))});
      process.stdout.write(JSON.stringify({ ...p, stats: packagingStats }));`;
    const run = () => JSON.parse(execFileSync(process.execPath, ['-e', script], { env: { ...process.env, CDKTF_SERVERLESS_CACHE_DIR: cache } }).toString());
    const out = run();
    expect(out.zipSha256).toBe(here.zipSha256);
    expect(out.stats).toEqual({ listed: 1, hashed: 1, zipped: 1 });
    expect(fs.readFileSync(out.zipFile).equals(fs.readFileSync(here.zipFile))).toBe(true);
    // A second process with the same cache reads neither the file contents nor zips.
    expect(run().stats).toEqual({ listed: 1, hashed: 0, zipped: 0 });
  });

  test('unchanged content is neither hashed nor zipped again; a change re-zips only that folder', () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-cache-test-'));
    process.env.CDKTF_SERVERLESS_CACHE_DIR = cache;
    const layer = makeFolder({ 'python/a.py': 'a = 1\n' });
    const code = makeFolder({ 'main.py': 'def handler(e, c): return 1\n' });
    const before = { ...packagingStats };
    packageFolder(scope, 'path', layer);
    packageFolder(scope, 'code', code);
    expect(packagingStats.zipped - before.zipped).toBe(2);
    expect(cacheDirectory()).toBe(cache);

    const again = { ...packagingStats };
    packageFolder(scope, 'path', layer);
    packageFolder(scope, 'code', code);
    expect(packagingStats.hashed - again.hashed).toBe(0);
    expect(packagingStats.zipped - again.zipped).toBe(0);

    fs.writeFileSync(path.join(code, 'main.py'), 'def handler(e, c): return 2\n');
    const changed = { ...packagingStats };
    const p1 = packageFolder(scope, 'path', layer);
    const p2 = packageFolder(scope, 'code', code);
    expect(packagingStats.hashed - changed.hashed).toBe(1);
    expect(packagingStats.zipped - changed.zipped).toBe(1);
    expect(readZip(p2.zipFile)[0].data.toString()).toContain('return 2');
    expect(fs.existsSync(p1.zipFile)).toBe(true);
  });

  test('a missing folder is an error naming the construct, the prop and the path', () => {
    expect(() => packageFolder(scope, 'code', '/nonexistent/folder')).toThrow('[app] code must be an existing folder, got "/nonexistent/folder" (not found)');
  });

  test('a file instead of a folder is an error', () => {
    const dir = makeFolder({ 'f.txt': 'x' });
    expect(() => packageFolder(scope, 'code', path.join(dir, 'f.txt'))).toThrow(/\[app\] code must be a folder, got ".*f\.txt" \(a file\)/);
  });

  test('an empty folder is an error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-empty-'));
    expect(() => packageFolder(scope, 'path', dir)).toThrow(/\[app\] path must be a folder with at least one file, got ".*" \(empty\)/);
  });

  test('an empty subfolder is an error naming it', () => {
    const dir = makeFolder({ 'a.txt': 'a' });
    fs.mkdirSync(path.join(dir, 'nodejs/empty'), { recursive: true });
    expect(() => packageFolder(scope, 'path', dir)).toThrow(/\[app\] path must not contain empty folders, got "nodejs\/empty"/);
  });

  test('a symlink is an error naming it', () => {
    const dir = makeFolder({ 'a.txt': 'a' });
    fs.symlinkSync('/etc/hostname', path.join(dir, 'link'));
    expect(() => packageFolder(scope, 'path', dir)).toThrow(/\[app\] path must not contain symlinks, got "link"/);
  });

  test('a file that cannot be read (a FIFO) is an error naming it', () => {
    const dir = makeFolder({ 'a.txt': 'a' });
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    expect(() => packageFolder(scope, 'path', dir)).toThrow(/\[app\] path must contain only regular files and folders, got "pipe"/);
  });
});

test('the table CRC-32 used on Node < 20.15 matches the native one', () => {
  const samples = [Buffer.alloc(0), Buffer.from('123456789'), crypto.randomBytes(100_000)];
  expect(crc32Table(Buffer.from('123456789'))).toBe(0xcbf43926);
  for (const s of samples) expect(crc32Table(s)).toBe(crc32(s));
});
