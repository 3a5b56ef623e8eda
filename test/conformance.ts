/**
 * Checks synthesized Terraform JSON against a provider schema in the `terraform providers schema
 * -json` format: unknown resource types and attributes, computed-only attributes set, required
 * attributes and blocks missing, block shapes (single/list/set, max items) and value types.
 * This is what `terraform validate` would find without a provider binary or the network.
 */
import * as fs from 'fs';
import * as path from 'path';

interface SchemaAttribute {
  type?: unknown;
  nested_type?: unknown;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
}
interface SchemaBlock {
  attributes?: { [name: string]: SchemaAttribute };
  block_types?: { [name: string]: { nesting_mode: string; block: SchemaBlock; min_items?: number; max_items?: number } };
}
interface ProviderSchemaFile {
  provider_schemas: {
    [fqn: string]: {
      provider?: { block: SchemaBlock };
      resource_schemas: { [type: string]: { block: SchemaBlock } };
      data_source_schemas?: { [type: string]: { block: SchemaBlock } };
    };
  };
}

const META = new Set(['//', 'depends_on', 'count', 'for_each', 'provider', 'lifecycle', 'provisioner', 'connection']);

export function loadSchema(file: string): ProviderSchemaFile {
  return JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'schema', file), 'utf8'));
}

function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

function checkType(type: unknown, value: unknown, where: string, errors: string[]): void {
  if (isExpression(value)) return;
  if (type === 'string') {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
      errors.push(`${where}: expected a string, got ${JSON.stringify(value)}`);
  } else if (type === 'number') {
    if (typeof value !== 'number' && !(typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)))
      errors.push(`${where}: expected a number, got ${JSON.stringify(value)}`);
  } else if (type === 'bool') {
    if (typeof value !== 'boolean' && value !== 'true' && value !== 'false') errors.push(`${where}: expected a bool, got ${JSON.stringify(value)}`);
  } else if (Array.isArray(type)) {
    const [kind, inner] = type as [string, unknown];
    if (kind === 'list' || kind === 'set') {
      if (!Array.isArray(value)) errors.push(`${where}: expected a ${kind}, got ${JSON.stringify(value)}`);
      else value.forEach((v, i) => checkType(inner, v, `${where}[${i}]`, errors));
    } else if (kind === 'map') {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) errors.push(`${where}: expected a map, got ${JSON.stringify(value)}`);
      else for (const [k, v] of Object.entries(value)) checkType(inner, v, `${where}.${k}`, errors);
    } else if (kind === 'object') {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) errors.push(`${where}: expected an object, got ${JSON.stringify(value)}`);
      else {
        const fields = inner as { [k: string]: unknown };
        for (const [k, v] of Object.entries(value)) {
          if (!(k in fields)) errors.push(`${where}: unknown object attribute "${k}"`);
          else checkType(fields[k], v, `${where}.${k}`, errors);
        }
      }
    }
  }
}

function checkBlock(block: SchemaBlock, value: any, where: string, errors: string[], topLevel: boolean): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    errors.push(`${where}: expected a block object, got ${JSON.stringify(value)}`);
    return;
  }
  const attributes = block.attributes ?? {};
  const blocks = block.block_types ?? {};
  for (const [key, v] of Object.entries(value)) {
    if (topLevel && META.has(key)) continue;
    if (key === 'dynamic') {
      // dynamic "<block>" { for_each, content { … } }: the content must fit the named block.
      for (const [name, dyn] of Object.entries<any>(v as object)) {
        if (!(name in blocks)) errors.push(`${where}.dynamic: "${name}" is not a block`);
        else checkBlock(blocks[name].block, dyn.content, `${where}.dynamic.${name}.content`, errors, false);
      }
      continue;
    }
    if (key in attributes) {
      const a = attributes[key];
      if (a.computed && !a.optional && !a.required) errors.push(`${where}.${key}: is computed only and cannot be set`);
      else if (a.type !== undefined) checkType(a.type, v, `${where}.${key}`, errors);
    } else if (key in blocks) {
      const b = blocks[key];
      if (isExpression(v)) continue;
      const items = Array.isArray(v) ? v : [v];
      if (b.nesting_mode === 'single' && Array.isArray(v)) errors.push(`${where}.${key}: is a single block, got a list`);
      if (b.max_items !== undefined && items.length > b.max_items) errors.push(`${where}.${key}: at most ${b.max_items} block(s), got ${items.length}`);
      items.forEach((item, i) => checkBlock(b.block, item, items.length > 1 ? `${where}.${key}[${i}]` : `${where}.${key}`, errors, false));
    } else {
      errors.push(`${where}: unknown attribute or block "${key}"`);
    }
  }
  for (const [key, a] of Object.entries(attributes)) {
    if (a.required && !(key in value)) errors.push(`${where}: missing required attribute "${key}"`);
  }
  for (const [key, b] of Object.entries(blocks)) {
    if ((b.min_items ?? 0) > 0 && !(key in value)) errors.push(`${where}: missing required block "${key}"`);
  }
}

/** Every problem found in one synthesized stack's resources and data sources for the given schema. */
export function conformanceErrors(stack: any, schema: ProviderSchemaFile, typePrefix: string): string[] {
  const errors: string[] = [];
  const providers = Object.values(schema.provider_schemas);
  const kinds = [
    { section: 'resource', schemas: (p: (typeof providers)[number]) => p.resource_schemas, label: '' },
    { section: 'data', schemas: (p: (typeof providers)[number]) => p.data_source_schemas ?? {}, label: 'data.' },
  ];
  for (const kind of kinds) {
    for (const [type, byId] of Object.entries<any>(stack[kind.section] ?? {})) {
      if (!type.startsWith(typePrefix)) continue;
      const res = providers.map((p) => kind.schemas(p)[type]).find((r) => r !== undefined);
      if (!res) {
        errors.push(`${kind.label}${type}: not in the schema`);
        continue;
      }
      for (const [id, body] of Object.entries(byId)) checkBlock(res.block, body, `${kind.label}${type}.${id}`, errors, true);
    }
  }
  return errors;
}
