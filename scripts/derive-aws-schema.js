#!/usr/bin/env node
/**
 * Derives schema/aws-6.66.0.json, the subset of the hashicorp/aws 6.66.0 schema the cdktn flavour
 * is checked against, without a schema dump of 6.66.0 at hand: start from the real 6.25.0 dump
 * (schema/aws.json) and apply the differences the two generated packages show for each resource's
 * arguments (@cdktf/provider-aws 21.22.1 is generated from 6.25.0, @cdktn/provider-aws 25.7.0 from
 * 6.66.0): an argument only 6.66.0 has is added as optional with the type its generated class
 * declares; one only 6.25.0 has is removed. Computed-only attributes and nested blocks are kept as
 * in 6.25.0 (the generated classes do not say whether an argument is required or computed).
 *
 *   node scripts/derive-aws-schema.js           # write schema/aws-6.66.0.json
 *   node scripts/derive-aws-schema.js --check   # fail if the committed file differs
 */
'use strict';
process.env.CHECKPOINT_DISABLE = '1';
const fs = require('fs');
const path = require('path');
const { ensureCdktnDeps } = require('./cdktn-deps');

const root = path.resolve(__dirname, '..');
const source = path.join(root, 'schema', 'aws.json');
const target = path.join(root, 'schema', 'aws-6.66.0.json');

/**
 * The top-level arguments a generated resource class declares, with their kinds: read from the
 * class's `synthesizeHclAttributes` table in the package's JavaScript (one table per resource file).
 */
function argumentsOf(pkg, type) {
  const module = type.replace(/^aws_/, '').replace(/_/g, '-');
  // @cdktn/provider-aws lives in test/cdktn/deps (scripts/cdktn-deps.js), the other in the root.
  const file = require.resolve(`${pkg}/lib/${module}/index.js`, { paths: pkg.startsWith('@cdktn/') ? [ensureCdktnDeps()] : [__dirname] });
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf('synthesizeHclAttributes() {');
  if (start < 0) throw new Error(`${pkg}: no attribute table for ${type}`);
  const body = text.slice(start, text.indexOf('\n        return ', start));
  const entries = {};
  for (const m of body.matchAll(/\n {12}([a-z0-9_]+): \{([\s\S]*?)\n {12}\}/g)) {
    const field = (name) => (new RegExp(`${name}: ("[^"]*"|true|false)`).exec(m[2]) ?? [])[1];
    entries[m[1]] = {
      isBlock: field('isBlock') === 'true',
      type: JSON.parse(field('type') ?? '""'),
      storageClassType: JSON.parse(field('storageClassType') ?? '""'),
    };
  }
  return entries;
}

const kind = (entry) => {
  if (entry.isBlock) return null;
  if (entry.type === 'simple') return { string: 'string', number: 'number', boolean: 'bool', any: 'string' }[entry.storageClassType] ?? 'string';
  if (entry.type === 'list' || entry.type === 'set') return [entry.type, entry.storageClassType.startsWith('number') ? 'number' : 'string'];
  if (entry.type === 'map')
    return ['map', entry.storageClassType.startsWith('number') ? 'number' : entry.storageClassType.startsWith('boolean') ? 'bool' : 'string'];
  return null;
};

const dump = JSON.parse(fs.readFileSync(source, 'utf8'));
const resources = dump.provider_schemas['registry.terraform.io/hashicorp/aws'].resource_schemas;
const changes = [];
for (const [type, schema] of Object.entries(resources)) {
  const before = argumentsOf('@cdktf/provider-aws', type);
  const after = argumentsOf('@cdktn/provider-aws', type);
  for (const name of Object.keys(after).filter((n) => !(n in before))) {
    const t = kind(after[name]);
    if (!t) continue;
    // An attribute 6.25.0 computed and 6.66.0 also accepts stays computed.
    schema.block.attributes[name] = { ...(schema.block.attributes[name] ?? { description_kind: 'plain', type: t }), optional: true };
    changes.push(`+ ${type}.${name}`);
  }
  for (const name of Object.keys(before).filter((n) => !(n in after))) {
    delete schema.block.attributes?.[name];
    delete schema.block.block_types?.[name];
    changes.push(`- ${type}.${name}`);
  }
}
const text = JSON.stringify(dump, null, 2) + '\n';
if (process.argv.includes('--check')) {
  if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text) {
    console.error('schema/aws-6.66.0.json is out of date: run node scripts/derive-aws-schema.js');
    process.exit(1);
  }
  console.log(`schema/aws-6.66.0.json is up to date (${changes.length} differences from 6.25.0)`);
} else {
  fs.writeFileSync(target, text);
  console.log(`wrote schema/aws-6.66.0.json: ${changes.length} differences from 6.25.0\n${changes.join('\n')}`);
}
