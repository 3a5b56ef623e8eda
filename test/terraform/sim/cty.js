'use strict';
// cty values on the wire (msgpack, as Terraform encodes them in DynamicValue) and their schema types.
// A value is decoded into plain JS: objects for objects and maps, arrays for lists, sets and tuples,
// null for null, and the UNKNOWN symbol for a value known only after apply.
const { Decoder, Encoder, ExtensionCodec } = require('@msgpack/msgpack');

const UNKNOWN = Symbol('unknown');
const codec = new ExtensionCodec();
// Extension 0 is a wholly unknown value; 12 is an unknown value with refinements (Terraform ≥ 1.6).
codec.register({ type: 0, encode: (v) => (v === UNKNOWN ? new Uint8Array([0]) : null), decode: () => UNKNOWN });
codec.register({ type: 12, encode: () => null, decode: () => UNKNOWN });

const decoder = new Decoder({ extensionCodec: codec, useBigInt64: false });
const encoder = new Encoder({ extensionCodec: codec, ignoreUndefined: false, forceFloat32: false });

/** The cty type of a schema block: an object of its attributes and nested blocks. */
function blockType(block) {
  const attrs = {};
  for (const [name, a] of Object.entries(block.attributes || {})) attrs[name] = a.type;
  for (const [name, b] of Object.entries(block.block_types || {})) {
    const inner = blockType(b.block);
    switch (b.nesting_mode) {
      case 'single':
      case 'group':
        attrs[name] = inner;
        break;
      case 'list':
        attrs[name] = ['list', inner];
        break;
      case 'set':
        attrs[name] = ['set', inner];
        break;
      case 'map':
        attrs[name] = ['map', inner];
        break;
      default:
        throw new Error(`unknown nesting mode ${b.nesting_mode}`);
    }
  }
  return ['object', attrs];
}

/** Normalizes a raw decoded value to the shape of its type (numbers sent as strings, dynamic values). */
function fromWire(value, type) {
  if (value === null || value === undefined) return null;
  if (value === UNKNOWN) return UNKNOWN;
  if (type === 'number') return typeof value === 'string' ? Number(value) : Number(value);
  if (type === 'string' || type === 'bool') return value;
  if (type === 'dynamic') {
    const [typeJson, inner] = value;
    const t = JSON.parse(Buffer.from(typeJson).toString('utf8'));
    return { $dynamic: t, value: fromWire(inner, t) };
  }
  const [kind, elem] = type;
  if (kind === 'list' || kind === 'set') return value.map((v) => fromWire(v, elem));
  if (kind === 'tuple') return value.map((v, i) => fromWire(v, elem[i]));
  if (kind === 'map') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromWire(v, elem)]));
  if (kind === 'object') return Object.fromEntries(Object.entries(elem).map(([k, t]) => [k, fromWire(value[k], t)]));
  throw new Error(`unknown type ${JSON.stringify(type)}`);
}

/** The value to encode for a type: every object attribute present, dynamic values as [type, value]. */
function toWire(value, type) {
  if (value === null || value === undefined) return null;
  if (value === UNKNOWN) return UNKNOWN;
  if (type === 'number') return Number(value);
  if (type === 'string') return String(value);
  if (type === 'bool') return Boolean(value);
  if (type === 'dynamic') {
    const t = value.$dynamic ?? 'string';
    return [Buffer.from(JSON.stringify(t)), toWire(value.$dynamic ? value.value : value, t)];
  }
  const [kind, elem] = type;
  if (kind === 'list' || kind === 'set') return value.map((v) => toWire(v, elem));
  if (kind === 'tuple') return value.map((v, i) => toWire(v, elem[i]));
  if (kind === 'map') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v, elem)]));
  if (kind === 'object') return Object.fromEntries(Object.entries(elem).map(([k, t]) => [k, toWire(value[k], t)]));
  throw new Error(`unknown type ${JSON.stringify(type)}`);
}

function decode(dynamicValue, type) {
  if (!dynamicValue) return null;
  if (dynamicValue.msgpack && dynamicValue.msgpack.length > 0) return fromWire(decoder.decode(dynamicValue.msgpack), type);
  if (dynamicValue.json && dynamicValue.json.length > 0) return fromJson(JSON.parse(Buffer.from(dynamicValue.json).toString('utf8')), type);
  return null;
}

function encode(value, type) {
  return { msgpack: Buffer.from(encoder.encode(toWire(value, type))) };
}

/** A value from state JSON (UpgradeResourceState), shaped to the type; attributes the type lacks are dropped. */
function fromJson(value, type) {
  return fromWire(value, type);
}

/** Deep equality of decoded values (sets compared as lists: the simulated providers keep their order). */
function equal(a, b) {
  if (a === b) return true;
  if (a === UNKNOWN || b === UNKNOWN || a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => equal(a[k], b[k]));
}

function containsUnknown(v) {
  if (v === UNKNOWN) return true;
  if (v && typeof v === 'object') return Object.values(v).some(containsUnknown);
  return false;
}

module.exports = { UNKNOWN, blockType, decode, encode, fromJson, equal, containsUnknown };
