#!/usr/bin/env node
'use strict';
// A Terraform provider plugin, simulated: `node main.js aws|alicloud`. Terraform starts it with
// TF_PLUGIN_MAGIC_COOKIE set and reads the go-plugin handshake line from stdout:
//   1|5|tcp|127.0.0.1:PORT|grpc|<server certificate, DER, base64 without padding>
// AutoMTLS: Terraform passes its client certificate in PLUGIN_CLIENT_CERT and checks ours for the
// name "localhost". TF_DISABLE_PLUGIN_TLS=1 serves plaintext.
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { decode, encode, fromJson, blockType } = require('./cty');
const { SimulatedProvider } = require('./provider');
const { serverCertificate } = require('./tls');

const cloudName = process.argv[2];
if (!process.env.TF_PLUGIN_MAGIC_COOKIE) {
  process.stderr.write('This is a Terraform provider plugin: Terraform runs it.\n');
  process.exit(1);
}
const provider = new SimulatedProvider(cloudName, process.argv[3]);
const load = (file) =>
  grpc.loadPackageDefinition(protoLoader.loadSync(path.join(__dirname, file), { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true }));
// The loaded package's shape is the .proto's, which the type-checker cannot see.
const tfplugin5 = /** @type {any} */ (load('plugin.proto').tfplugin5);
const controller = /** @type {any} */ (load('controller.proto').plugin);

const SEVERITY = { ERROR: 'ERROR', WARNING: 'WARNING' };
const diag = (summary, detail, severity = 'ERROR') => ({ severity: SEVERITY[severity], summary, detail });
const errorDiag = (e) => diag(e.code ? `${e.code}` : 'simulated provider error', e.message);

function toProtoSchema(s, version = 0) {
  const block = (b) => ({
    version: 0,
    attributes: Object.entries(b.attributes ?? {})
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([name, a]) => ({
        name,
        type: Buffer.from(JSON.stringify(a.type)),
        description: a.description ?? '',
        required: !!a.required,
        optional: !!a.optional,
        computed: !!a.computed,
        sensitive: !!a.sensitive,
        deprecated: !!a.deprecated,
        description_kind: 'PLAIN',
      })),
    block_types: Object.entries(b.block_types ?? {})
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([name, nb]) => ({
        type_name: name,
        block: block(nb.block),
        nesting: nb.nesting_mode.toUpperCase(),
        min_items: nb.min_items ?? 0,
        max_items: nb.max_items ?? 0,
      })),
    description: b.description ?? '',
    description_kind: 'PLAIN',
    deprecated: !!b.deprecated,
  });
  return { version: s.version ?? version, block: block(s.block) };
}

const providerType = blockType(provider.providerSchema.block);
const typeOf = (name) => {
  const t = provider.types[name];
  if (!t) throw new Error(`unknown resource type ${name}`);
  return t;
};

/** Wraps a handler: exceptions become error diagnostics, never a broken RPC. */
function rpc(fn, diagnosticsField = 'diagnostics') {
  return (call, callback) => {
    try {
      callback(null, fn(call.request));
    } catch (e) {
      callback(null, { [diagnosticsField]: [errorDiag(e)] });
    }
  };
}

const schemaResponse = () => ({
  provider: toProtoSchema(provider.providerSchema),
  resource_schemas: Object.fromEntries(Object.entries(provider.resourceSchemas).map(([k, v]) => [k, toProtoSchema(v)])),
  data_source_schemas: Object.fromEntries(Object.entries(provider.dataSourceSchemas).map(([k, v]) => [k, toProtoSchema(v)])),
  server_capabilities: { plan_destroy: false, get_provider_schema_optional: false, move_resource_state: false },
  diagnostics: [],
});

const handlers = {
  GetMetadata: rpc(() => ({
    server_capabilities: { plan_destroy: false, get_provider_schema_optional: false },
    resources: Object.keys(provider.resourceSchemas).map((type_name) => ({ type_name })),
    data_sources: Object.keys(provider.dataSourceSchemas).map((type_name) => ({ type_name })),
  })),
  GetSchema: rpc(schemaResponse),
  PrepareProviderConfig: rpc((req) => ({ prepared_config: req.config, diagnostics: [] })),
  ValidateResourceTypeConfig: rpc((req) => ({ diagnostics: provider.validate(req.type_name, decode(req.config, typeOf(req.type_name))) })),
  ValidateDataSourceConfig: rpc(() => ({ diagnostics: [] })),
  Configure: rpc((req) => {
    provider.configure(decode(req.config, providerType));
    return { diagnostics: [] };
  }),
  UpgradeResourceState: rpc((req) => {
    const type = typeOf(req.type_name);
    const raw = req.raw_state?.json?.length ? JSON.parse(Buffer.from(req.raw_state.json).toString('utf8')) : null;
    return { upgraded_state: encode(raw === null ? null : fromJson(raw, type), type), diagnostics: [] };
  }),
  ReadResource: rpc((req) => {
    const type = typeOf(req.type_name);
    const state = decode(req.current_state, type);
    return { new_state: encode(state === null ? null : provider.read(req.type_name, state), type), private: req.private, diagnostics: [] };
  }),
  PlanResourceChange: rpc((req) => {
    const type = typeOf(req.type_name);
    const { planned, requiresReplace } = provider.plan(req.type_name, decode(req.prior_state, type), decode(req.proposed_new_state, type));
    return {
      planned_state: encode(planned, type),
      requires_replace: requiresReplace.map((name) => ({ steps: [{ attribute_name: name }] })),
      planned_private: req.prior_private,
      legacy_type_system: provider.legacyTypeSystem,
      diagnostics: [],
    };
  }),
  ApplyResourceChange: rpc((req) => {
    const type = typeOf(req.type_name);
    const prior = decode(req.prior_state, type);
    const planned = decode(req.planned_state, type);
    try {
      const state = provider.apply(req.type_name, prior, planned);
      return { new_state: encode(state, type), private: req.planned_private, legacy_type_system: provider.legacyTypeSystem, diagnostics: [] };
    } catch (e) {
      // A failed create leaves nothing; a failed update or delete leaves the prior object.
      return { new_state: encode(prior, type), legacy_type_system: provider.legacyTypeSystem, diagnostics: [errorDiag(e)] };
    }
  }),
  ImportResourceState: rpc((req) => {
    const type = typeOf(req.type_name);
    const state = Object.fromEntries(Object.keys(type[1]).map((k) => [k, null]));
    state.id = req.id;
    return { imported_resources: [{ type_name: req.type_name, state: encode(state, type), private: Buffer.alloc(0) }], diagnostics: [] };
  }),
  ReadDataSource: rpc((req) => {
    const type = provider.dataSourceTypes[req.type_name];
    if (!type) throw new Error(`unknown data source type ${req.type_name}`);
    return { state: encode(provider.readDataSource(req.type_name, decode(req.config, type)), type), diagnostics: [] };
  }),
  Stop: (_call, callback) => callback(null, { Error: '' }),
};

const server = new grpc.Server();
server.addService(tfplugin5.Provider.service, handlers);
server.addService(controller.GRPCController.service, {
  Shutdown: (_call, callback) => {
    callback(null, {});
    setImmediate(() => server.tryShutdown(() => process.exit(0)));
  },
});

const plaintext = process.env.TF_DISABLE_PLUGIN_TLS === '1' || !process.env.PLUGIN_CLIENT_CERT;
const tls = plaintext ? null : serverCertificate();
const credentials = plaintext
  ? grpc.ServerCredentials.createInsecure()
  : grpc.ServerCredentials.createSsl(
      Buffer.from(process.env.PLUGIN_CLIENT_CERT),
      [{ private_key: Buffer.from(tls.keyPem), cert_chain: Buffer.from(tls.certPem) }],
      true,
    );

server.bindAsync('127.0.0.1:0', credentials, (err, port) => {
  if (err) {
    process.stderr.write(`simulated provider: ${err.message}\n`);
    process.exit(1);
  }
  const cert = plaintext ? '' : `|${tls.certDer.toString('base64').replace(/=+$/, '')}`;
  process.stdout.write(`1|5|tcp|127.0.0.1:${port}|grpc${cert}\n`);
});
// Terraform kills the process group on exit; stop when stdin closes as well.
process.on('SIGINT', () => {});
