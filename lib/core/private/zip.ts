import * as fs from 'fs';
import * as zlib from 'zlib';
import { deflateRaw } from 'pako';

/** One file to put in a zip: its posix path inside the archive, whether it is executable, its bytes. */
export interface ZipInput {
  readonly name: string;
  readonly executable: boolean;
  readonly read: () => Buffer;
}

// 1980-01-01 00:00:00, the earliest DOS date: no clock, no time zone in the archive.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_FLAG = 0x0800;
const MADE_BY_UNIX = (3 << 8) | 20;
const MAX_ENTRIES = 0xffff;
const MAX_SIZE = 0xffffffff;

/**
 * Writes a deterministic zip: entries in the given order (callers sort them), fixed timestamps,
 * modes normalised to 0644/0755, no extra fields. Compression is pako's deflate (pure JavaScript),
 * because Node's bundled zlib may pick different matches on different CPUs and Node versions;
 * pako pinned in package-lock gives the same bytes everywhere.
 */
export function writeDeterministicZip(target: string, entries: readonly ZipInput[]): { size: number } {
  if (entries.length > MAX_ENTRIES) {
    throw new RangeError(`cannot zip ${entries.length} files: the zip format without zip64 holds at most ${MAX_ENTRIES}`);
  }
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = entry.read();
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(data);
    const compressed = data.length === 0 ? data : Buffer.from(deflateRaw(data, { level: 6 }));
    const stored = compressed.length >= data.length;
    const body = stored ? data : compressed;
    const method = stored ? 0 : 8;
    if (data.length > MAX_SIZE || offset > MAX_SIZE) {
      throw new RangeError(`cannot zip ${entry.name}: archives over 4 GiB need zip64, which is not supported`);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_FLAG, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(MADE_BY_UNIX, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(UTF8_FLAG, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(DOS_TIME, 12);
    header.writeUInt16LE(DOS_DATE, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number, internal attributes: all 0
    header.writeUInt32LE(((entry.executable ? 0o100755 : 0o100644) << 16) >>> 0, 38);
    header.writeUInt32LE(offset, 42);

    chunks.push(local, name, body);
    central.push(header, name);
    offset += local.length + name.length + body.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  const all = Buffer.concat([...chunks, ...central, end]);
  fs.writeFileSync(target, all);
  return { size: all.length };
}

let table: Uint32Array | undefined;

/** CRC-32 as zip wants it; Node ≥ 20.15 has it native, older 20.x falls back to a table. */
export function crc32(data: Buffer): number {
  const native = (zlib as unknown as { crc32?: (d: Buffer) => number }).crc32;
  return native ? native(data) >>> 0 : crc32Table(data);
}

/** The table-driven CRC-32 (polynomial 0xEDB88320) used where Node has no native one. */
export function crc32Table(data: Buffer): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
