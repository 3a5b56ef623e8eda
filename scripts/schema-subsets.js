#!/usr/bin/env node
/**
 * Regenerates the schema subsets in schema/ from their sources (schema/subsets.json): for each cloud,
 * the types listed there taken from a provider schema dump (`terraform providers schema -json` in a
 * folder that pins the provider version named by `dumpOf`), plus the types transcribed from the
 * provider's source (schema/transcribed/, each naming its file); then schema/aws-6.66.0.json with
 * scripts/derive-aws-schema.js.
 *
 *   node scripts/schema-subsets.js                        # write, from the dumps named in subsets.json
 *   node scripts/schema-subsets.js --aws-dump F --alicloud-dump G   # from other dumps
 *   node scripts/schema-subsets.js --check                # fail if a committed subset differs
 *
 * To take a type from a newer dump instead of a transcription, delete its entry under `transcribed`
 * and list it under `resources` / `dataSources`.
 */
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const config = JSON.parse(fs.readFileSync(path.join(root, 'schema', 'subsets.json'), 'utf8'));
const argValue = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

/** The subset of one cloud, as the text written to its file. */
function subset(cloud) {
  const spec = config[cloud];
  const dumpFile = path.resolve(root, argValue(`--${cloud}-dump`) ?? spec.dump);
  if (!fs.existsSync(dumpFile)) {
    throw new Error(`${cloud}: no schema dump at ${dumpFile}; make one with \`terraform providers schema -json\` for ${spec.dumpOf} and pass --${cloud}-dump`);
  }
  const dump = JSON.parse(fs.readFileSync(dumpFile, 'utf8'));
  const provider = dump.provider_schemas?.[spec.provider];
  if (!provider) throw new Error(`${cloud}: ${dumpFile} has no provider ${spec.provider}`);
  const take = (kind, types) =>
    Object.fromEntries(
      types.map((type) => {
        const schema = provider[kind]?.[type];
        if (!schema) throw new Error(`${cloud}: ${dumpFile} has no ${kind} ${type}`);
        return [type, schema];
      }),
    );
  const resources = take('resource_schemas', spec.resources);
  const dataSources = take('data_source_schemas', spec.dataSources);
  for (const [key, { file }] of Object.entries(spec.transcribed)) {
    const [target, type] = key.startsWith('data.') ? [dataSources, key.slice('data.'.length)] : [resources, key];
    if (target[type]) throw new Error(`${cloud}: ${type} is both in the dump's list and transcribed; keep one`);
    target[type] = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
  }
  const sorted = (o) =>
    Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, o[k]]),
    );
  const out = {
    format_version: dump.format_version,
    provider_schemas: {
      [spec.provider]: {
        ...(provider.provider ? { provider: provider.provider } : {}),
        resource_schemas: sorted(resources),
        data_source_schemas: sorted(dataSources),
      },
    },
  };
  return JSON.stringify(out, null, 2) + '\n';
}

const check = process.argv.includes('--check');
const stale = [];
for (const cloud of ['aws', 'alicloud']) {
  const file = path.join(root, config[cloud].out);
  const text = subset(cloud);
  if (check) {
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) stale.push(config[cloud].out);
  } else fs.writeFileSync(file, text);
}
if (stale.length) {
  console.error(`out of date with schema/subsets.json and its sources: ${stale.join(', ')} (run node scripts/schema-subsets.js)`);
  process.exit(1);
}
execFileSync(process.execPath, [path.join(__dirname, 'derive-aws-schema.js'), ...(check ? ['--check'] : [])], { stdio: 'inherit' });
if (!check) console.log('wrote schema/aws.json, schema/alicloud.json');
