'use strict';
// The provider logic, independent of gRPC: schemas from the project's dumps, SDKv2-like planning
// (computed attributes unknown on create; ForceNew changes replace), apply through the cloud
// model, read-back, import and state upgrade.
const path = require('path');
const { UNKNOWN, blockType, equal } = require('./cty');
const { forceNewPaths } = require('./force-new');
const { Store, CloudError } = require('./store');

const ROOT = path.resolve(__dirname, '..', '..', '..');

// The schema each served provider version answers with: the real dumps the project keeps, and for
// hashicorp/aws 6.66.0 (pinned by @cdktn/provider-aws 25.7.0) the subset derived from them
// (scripts/derive-aws-schema.js).
const CLOUDS = {
  aws: {
    address: 'registry.terraform.io/hashicorp/aws',
    schemaFile: (version) => (version === '6.66.0' ? 'schema/aws-6.66.0.json' : 'schema/aws.json'),
    model: () => require('./aws'),
  },
  alicloud: { address: 'registry.terraform.io/aliyun/alicloud', schemaFile: () => 'schema/alicloud.json', model: () => require('./alicloud') },
};

class SimulatedProvider {
  constructor(cloudName, version) {
    this.version = version;
    const cloud = CLOUDS[cloudName];
    if (!cloud) throw new Error(`unknown cloud ${cloudName}`);
    this.name = cloudName;
    const dump = require(path.join(ROOT, cloud.schemaFile(version))).provider_schemas[cloud.address];
    this.model = cloud.model();
    this.providerSchema = dump.provider ?? this.model.providerBlock;
    this.resourceSchemas = dump.resource_schemas;
    this.dataSourceSchemas = dump.data_source_schemas ?? {};
    this.types = Object.fromEntries(Object.entries(this.resourceSchemas).map(([t, s]) => [t, blockType(s.block)]));
    this.dataSourceTypes = Object.fromEntries(Object.entries(this.dataSourceSchemas).map(([t, s]) => [t, blockType(s.block)]));
    this.store = new Store(process.env.SIM_CLOUD_DIR || process.cwd());
    this.region = process.env.SIM_DEFAULT_REGION || (cloudName === 'aws' ? 'us-east-1' : 'cn-hangzhou');
    this.legacyTypeSystem = process.env.SIM_LEGACY_TYPE_SYSTEM !== '0';
  }

  configure(config) {
    if (config && typeof config.region === 'string') this.region = config.region;
    // AWS merges its default_tags into every resource's tags_all (tags win on the same key).
    this.defaultTags = config?.default_tags?.[0]?.tags ?? {};
  }

  validate(type, config) {
    const diagnostics = [];
    const block = this.resourceSchemas[type]?.block;
    if (!block) return [{ severity: 'ERROR', summary: `simulated provider: no resource type ${type}` }];
    forceNewPaths(type); // every type we serve must have its ForceNew entry
    const check = (b, value, where) => {
      if (!value || value === UNKNOWN) return;
      for (const [name, a] of Object.entries(b.attributes ?? {})) {
        if (a.required && value[name] === null)
          diagnostics.push({ severity: 'ERROR', summary: 'Missing required argument', detail: `The argument "${name}" is required (${where}).` });
      }
      for (const [name, nb] of Object.entries(b.block_types ?? {})) {
        const items = value[name];
        const list = Array.isArray(items)
          ? items
          : items && typeof items === 'object' && nb.nesting_mode === 'map'
            ? Object.values(items)
            : items
              ? [items]
              : [];
        if (nb.min_items && list.length < nb.min_items && items !== UNKNOWN)
          diagnostics.push({ severity: 'ERROR', summary: 'Insufficient blocks', detail: `At least ${nb.min_items} "${name}" blocks are required (${where}).` });
        if (nb.max_items && list.length > nb.max_items)
          diagnostics.push({ severity: 'ERROR', summary: 'Too many blocks', detail: `No more than ${nb.max_items} "${name}" blocks are allowed (${where}).` });
        list.forEach((item) => check(nb.block, item, `${where}.${name}`));
      }
    };
    check(block, config, type);
    return diagnostics;
  }

  plan(type, prior, proposed) {
    if (proposed === null) return { planned: null, requiresReplace: [] };
    const block = this.resourceSchemas[type].block;
    const model = this.model.resources[type] ?? {};
    if (prior === null) return { planned: markComputed(block, proposed, true), requiresReplace: [] };
    const replace = forceNewPaths(type).filter((p) => !equal(valueAt(prior, p), valueAt(proposed, p)));
    if (replace.length > 0) return { planned: markComputed(block, proposed, true), requiresReplace: replace.map((p) => p.split('.')[0]) };
    let planned = proposed;
    if (model.planUpdate && !equal(prior, proposed)) planned = model.planUpdate(prior, proposed);
    if ('tags_all' in planned && !equal(prior.tags, planned.tags)) planned = { ...planned, tags_all: UNKNOWN };
    return { planned, requiresReplace: [] };
  }

  apply(type, prior, planned) {
    const model = this.model.resources[type] ?? {};
    return this.store.transact((cloud) => {
      const ctx = this.context(cloud, type);
      if (planned === null) {
        if (this.forgets(type, prior)) {
          ctx.journal('forget', { id: prior.id });
          return null;
        }
        if (model.delete) model.delete(ctx, prior);
        ctx.journal('delete', { id: prior.id });
        return null;
      }
      const computed = prior === null ? (model.create ? model.create(ctx, planned) : {}) : model.update ? model.update(ctx, prior, planned) : {};
      // A provider may only fill in what the plan left open: unknown values, and computed
      // attributes the plan left null. Known planned values stay as planned.
      const attributes = this.resourceSchemas[type].block.attributes ?? {};
      if (attributes.tags_all && planned.tags_all === UNKNOWN) computed.tags_all = { ...(this.defaultTags ?? {}), ...(planned.tags ?? {}) };
      const open = Object.fromEntries(
        Object.entries(withoutUndefined(computed)).filter(([k]) => planned[k] === UNKNOWN || (planned[k] === null && attributes[k]?.computed)),
      );
      const state = fill(this.resourceSchemas[type].block, { ...planned, ...open }, `${type}`, ctx);
      if (state.id === null || state.id === UNKNOWN) state.id = `${type}-${ctx.next(type)}`;
      ctx.journal(prior === null ? 'create' : 'update', { id: state.id });
      // The SDK reads the object back at the end of create and update (d.IsNewResource() on create).
      return model.read ? model.read(ctx, state, { isNew: prior === null }) : state;
    });
  }

  /** Objects the harness marked `lifecycle.destroy = false` (emulating Terraform ≥ 1.16, see harness.ts). */
  forgets(type, prior) {
    const file = path.join(this.store.dir, 'forget.json');
    if (!require('fs').existsSync(file)) return false;
    return JSON.parse(require('fs').readFileSync(file, 'utf8')).some((f) => f.type === type && Object.entries(f.match).every(([k, v]) => prior[k] === v));
  }

  read(type, state) {
    const model = this.model.resources[type] ?? {};
    if (!model.read) return state;
    return this.store.transact((cloud) => model.read(this.context(cloud, type), state));
  }

  /** A data source read: only those the cloud model implements (the library needs few). */
  readDataSource(type, config) {
    const model = this.model.dataSources?.[type];
    if (!model) throw new Error(`data source ${type} is not simulated`);
    return this.store.transact((cloud) => model.read(this.context(cloud, type), config));
  }

  context(cloud, type) {
    const { next } = require('./store');
    return {
      cloud,
      region: this.region,
      providerVersion: this.version,
      stackDir: path.basename(process.cwd()),
      next: (key) => next(cloud, key),
      journal: (op, detail) => this.store.journal({ provider: this.name, op, type, ...detail }),
    };
  }
}

/** The value at a path "a" or "a.b" (b inside every element of block a). */
function valueAt(obj, p) {
  const [head, ...rest] = p.split('.');
  const v = obj?.[head];
  if (rest.length === 0 || v === null || v === undefined || v === UNKNOWN) return v ?? null;
  return Array.isArray(v) ? v.map((e) => valueAt(e, rest.join('.'))) : valueAt(v, rest.join('.'));
}

/** On create, every computed attribute the configuration leaves null is unknown until apply. */
function markComputed(block, value, isNew) {
  if (value === null || value === UNKNOWN) return value;
  const out = { ...value };
  for (const [name, a] of Object.entries(block.attributes ?? {})) {
    if (a.computed && isNew && out[name] === null) out[name] = UNKNOWN;
  }
  for (const [name, nb] of Object.entries(block.block_types ?? {})) {
    const v = out[name];
    if (Array.isArray(v)) out[name] = v.map((e) => markComputed(nb.block, e, isNew));
    else if (v && v !== UNKNOWN && typeof v === 'object')
      out[name] =
        nb.nesting_mode === 'map'
          ? Object.fromEntries(Object.entries(v).map(([k, e]) => [k, markComputed(nb.block, e, isNew)]))
          : markComputed(nb.block, v, isNew);
  }
  return out;
}

/** Replaces what is still unknown after the model's answer with deterministic values of the right type. */
function fill(block, value, where, ctx) {
  const out = { ...value };
  for (const [name, a] of Object.entries(block.attributes ?? {})) {
    if (out[name] === UNKNOWN) out[name] = generated(a.type, `${where}.${name}`, ctx);
    else if (out[name] !== null) out[name] = fillValue(out[name], a.type, `${where}.${name}`, ctx);
  }
  for (const [name, nb] of Object.entries(block.block_types ?? {})) {
    const v = out[name];
    if (v === UNKNOWN) out[name] = nb.nesting_mode === 'single' || nb.nesting_mode === 'group' ? null : nb.nesting_mode === 'map' ? {} : [];
    else if (Array.isArray(v)) out[name] = v.map((e) => fill(nb.block, e, `${where}.${name}`, ctx));
    else if (v && typeof v === 'object')
      out[name] =
        nb.nesting_mode === 'map'
          ? Object.fromEntries(Object.entries(v).map(([k, e]) => [k, fill(nb.block, e, `${where}.${name}`, ctx)]))
          : fill(nb.block, v, `${where}.${name}`, ctx);
  }
  return out;
}

function fillValue(v, type, where, ctx) {
  if (v === UNKNOWN) return generated(type, where, ctx);
  if (v === null || typeof type === 'string') return v;
  const [kind, elem] = type;
  if (kind === 'list' || kind === 'set') return v.map((e) => fillValue(e, elem, where, ctx));
  if (kind === 'map') return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, fillValue(e, elem, where, ctx)]));
  if (kind === 'object') return Object.fromEntries(Object.entries(elem).map(([k, t]) => [k, v[k] === undefined ? null : fillValue(v[k], t, where, ctx)]));
  return v;
}

function generated(type, where, ctx) {
  if (type === 'string') return `${where.split('.').pop()}-${ctx.next(where)}`;
  if (type === 'number') return 0;
  if (type === 'bool') return false;
  if (Array.isArray(type) && type[0] === 'map') return {};
  if (Array.isArray(type) && type[0] === 'object') return null;
  return [];
}

function withoutUndefined(o) {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined));
}

module.exports = { SimulatedProvider, CloudError, CLOUDS };
