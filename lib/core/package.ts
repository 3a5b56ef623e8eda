import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { fail } from './validation';
import { writeDeterministicZip } from './private/zip';

/** A regular file found in a folder to package. */
export interface FolderFile {
  /** Posix path relative to the folder, as it will stand in the zip (and under /opt for a layer). */
  readonly path: string;
  /** Size in bytes, unzipped. */
  readonly size: number;
  /** Whether any execute bit is set; the zip keeps 0755 for these and 0644 for the rest. */
  readonly executable: boolean;
}

/** What a local folder holds, sorted by path. */
export interface FolderListing {
  /** Absolute path of the folder (never written to the output). */
  readonly directory: string;
  /** Regular files, sorted by path. */
  readonly files: readonly FolderFile[];
  /** Sum of the file sizes: what the folder takes unzipped. */
  readonly unzippedSize: number;
  /** Digest of every file's path, size, times, inode and mode: unchanged means "not touched". */
  readonly statSignature: string;
}

/** A folder packaged as a deterministic zip in the local cache. */
export interface PackagedFolder extends FolderListing {
  /** Hex SHA-256 over paths, modes and contents: the cache key and the asset hash. */
  readonly contentHash: string;
  /** Absolute path of the cached zip. */
  readonly zipFile: string;
  /** Base64 SHA-256 of the zip bytes: what Lambda reports as `CodeSha256` (`source_code_hash`). */
  readonly zipSha256: string;
  /** Size of the zip in bytes. */
  readonly zipSize: number;
  /** Base64 MD5 of the zip bytes: what OSS checks an upload against (`content_md5`). */
  readonly zipMd5: string;
}

// Bump when the zip layout changes, so old cache entries are never reused.
const FORMAT = 'csc-zip-v2';

/**
 * Lists a folder for packaging. Fails with one clear error on what would give a wrong archive:
 * a missing or empty folder, an empty subfolder (a zip of files cannot hold it), a symlink
 * (its target may lie outside the folder and differ per machine), or anything that is not a
 * regular file (sockets, FIFOs, devices).
 */
export function listFolder(scope: IConstruct, prop: string, folder: string): FolderListing {
  const directory = path.resolve(folder);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(directory);
  } catch {
    fail(scope, prop, 'an existing folder', folder, { detail: '(not found)' });
  }
  if (!stat.isDirectory()) fail(scope, prop, 'a folder', folder, { detail: '(a file)' });
  const files: FolderFile[] = [];
  const signature = crypto.createHash('sha256').update(FORMAT);
  const walk = (abs: string, rel: string): void => {
    const names = fs.readdirSync(abs).sort();
    if (names.length === 0) {
      if (rel === '') fail(scope, prop, 'a folder with at least one file', folder, { detail: '(empty)' });
      fail(scope, prop, 'empty folders', rel, {
        verb: 'not contain',
        detail: `in ${JSON.stringify(folder)} (a zip holds files only; add a file or remove the folder)`,
      });
    }
    for (const name of names) {
      const childAbs = path.join(abs, name);
      const childRel = rel === '' ? name : `${rel}/${name}`;
      const st = fs.lstatSync(childAbs, { bigint: true });
      if (st.isSymbolicLink()) {
        fail(scope, prop, 'symlinks', childRel, { verb: 'not contain', detail: `in ${JSON.stringify(folder)} (copy the target in instead)` });
      } else if (st.isDirectory()) {
        walk(childAbs, childRel);
      } else if (st.isFile()) {
        const executable = (st.mode & 0o111n) !== 0n;
        files.push({ path: childRel, size: Number(st.size), executable });
        signature.update(`${childRel}\0${st.size}\0${st.mtimeNs}\0${st.ctimeNs}\0${st.ino}\0${executable ? 1 : 0}\n`);
      } else {
        fail(scope, prop, 'only regular files and folders', childRel, { verb: 'contain', detail: `in ${JSON.stringify(folder)} (cannot be read as a file)` });
      }
    }
  };
  walk(directory, '');
  return { directory, files, unzippedSize: files.reduce((n, f) => n + f.size, 0), statSignature: signature.digest('hex') };
}

/** Where packaged zips are kept between synths. Override with CDKTF_SERVERLESS_CACHE_DIR. */
export function cacheDirectory(): string {
  return process.env.CDKTF_SERVERLESS_CACHE_DIR ?? path.join(process.cwd(), 'node_modules', '.cache', 'cdktf-serverless-constructs');
}

interface CacheRecord {
  readonly format: string;
  readonly zipSha256: string;
  readonly zipMd5: string;
  readonly zipSize: number;
}

interface StatIndex {
  readonly format: string;
  readonly signature: string;
  readonly contentHash: string;
}

const memo = new Map<string, PackagedFolder>();

/** Counts of the expensive steps since the process started: what the cache saved is visible. */
export const packagingStats = { listed: 0, hashed: 0, zipped: 0 };

/**
 * Packages a folder into a deterministic zip, content-addressed in the cache: a folder whose
 * content did not change is neither read again (a stat signature: path, size, mtime, mode per file)
 * nor zipped again (the zip is stored under its content hash).
 */
export function packageFolder(scope: IConstruct, prop: string, folder: string): PackagedFolder {
  const listing = listFolder(scope, prop, folder);
  packagingStats.listed++;
  const cache = cacheDirectory();
  fs.mkdirSync(path.join(cache, 'index'), { recursive: true });

  const signature = listing.statSignature;
  const memoKey = `${cache}\0${listing.directory}\0${signature}`;
  const known = memo.get(memoKey);
  if (known) return known;

  const indexFile = path.join(cache, 'index', `${sha256Hex(listing.directory)}.json`);
  let contentHash: string | undefined;
  const index = readJson<StatIndex>(indexFile);
  if (index && index.format === FORMAT && index.signature === signature) contentHash = index.contentHash;
  if (!contentHash) {
    contentHash = hashContent(scope, prop, listing);
    packagingStats.hashed++;
    writeJsonAtomic(indexFile, { format: FORMAT, signature, contentHash } satisfies StatIndex);
  }

  const zipFile = path.join(cache, `${contentHash}.zip`);
  const recordFile = path.join(cache, `${contentHash}.json`);
  let record = readJson<CacheRecord>(recordFile);
  if (!record || record.format !== FORMAT || !fs.existsSync(zipFile) || fs.statSync(zipFile).size !== record.zipSize) {
    const tmp = `${zipFile}.${process.pid}.tmp`;
    try {
      writeDeterministicZip(
        tmp,
        listing.files.map((f) => ({
          name: f.path,
          executable: f.executable,
          read: () => readFile(scope, prop, listing.directory, f.path),
        })),
      );
    } catch (e) {
      if (e instanceof RangeError)
        fail(scope, prop, 'a folder that fits a zip without zip64 (at most 65535 files and 4 GiB)', listing.directory, { detail: `(${e.message})` });
      throw e;
    }
    fs.renameSync(tmp, zipFile);
    packagingStats.zipped++;
    const bytes = fs.readFileSync(zipFile);
    record = {
      format: FORMAT,
      zipSha256: crypto.createHash('sha256').update(bytes).digest('base64'),
      zipMd5: crypto.createHash('md5').update(bytes).digest('base64'),
      zipSize: bytes.length,
    };
    writeJsonAtomic(recordFile, record);
  }
  const packaged: PackagedFolder = { ...listing, contentHash, zipFile, zipSha256: record.zipSha256, zipMd5: record.zipMd5, zipSize: record.zipSize };
  memo.set(memoKey, packaged);
  return packaged;
}

function hashContent(scope: IConstruct, prop: string, listing: FolderListing): string {
  const h = crypto.createHash('sha256');
  h.update(FORMAT);
  for (const f of listing.files) {
    const data = readFile(scope, prop, listing.directory, f.path);
    h.update(`${f.path}\0${f.executable ? 1 : 0}\0${data.length}\0`);
    h.update(data);
  }
  return h.digest('hex');
}

function readFile(scope: IConstruct, prop: string, directory: string, rel: string): Buffer {
  try {
    return fs.readFileSync(path.join(directory, rel));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    fail(scope, prop, 'only readable files', rel, { verb: 'contain', detail: `(${code})` });
  }
}

function sha256Hex(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function writeJsonAtomic(file: string, value: unknown): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(value));
  fs.renameSync(tmp, file);
}
