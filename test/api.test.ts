import * as path from 'path';
import * as ts from 'typescript';

// The public API, as a user's compiler sees it: the names each namespace exports and the public
// members of each exported class and interface (members marked @internal are stripped from the
// package's declarations and left out here). The snapshot is the reviewed API; the comparison below
// keeps the two clouds to one vocabulary, with every difference declared.

const program = ts.createProgram([path.join(__dirname, '..', 'lib', 'index.ts')], {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  skipLibCheck: true,
});
const checker = program.getTypeChecker();
const index = checker.getSymbolAtLocation(program.getSourceFile(path.join(__dirname, '..', 'lib', 'index.ts'))!)!;

function isInternal(symbol: ts.Symbol): boolean {
  return symbol.getJsDocTags(checker).some((t) => t.name === 'internal');
}

function members(symbol: ts.Symbol): string[] {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  if (!(target.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface))) return [];
  // Generated provider bindings follow the provider schema, not this library's vocabulary.
  if (target.declarations?.some((d) => d.getSourceFile().fileName.includes('/generated/alicloud/'))) return ['(generated binding)'];
  const type = checker.getDeclaredTypeOfSymbol(target);
  const statics =
    target.flags & ts.SymbolFlags.Class
      ? checker
          .getTypeOfSymbol(target)
          .getProperties()
          .filter((p) => p.name !== 'prototype')
          .map((p) => `static ${p.name}`)
      : [];
  const own = checker
    .getPropertiesOfType(type)
    .filter((p) => {
      const decl = p.valueDeclaration ?? p.declarations?.[0];
      if (!decl) return false;
      const modifiers = ts.getCombinedModifierFlags(decl as ts.Declaration);
      if (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) return false;
      if (p.name.startsWith('#')) return false;
      // Members inherited from constructs' Construct (node, toString, with) are not the library's API.
      const file = decl.getSourceFile().fileName;
      return !file.includes('node_modules') && !isInternal(p);
    })
    .map((p) => p.name);
  return [...statics.filter((s) => !s.endsWith(' isConstruct')), ...own].sort();
}

function namespace(name: string): { [exported: string]: string[] } {
  const ns = checker.getExportsOfModule(index).find((s) => s.name === name)!;
  const module = checker.getAliasedSymbol(ns);
  return Object.fromEntries(
    checker
      .getExportsOfModule(module)
      .map((s) => [s.name, members(s)])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
}

const aws = namespace('aws');
const alicloud = namespace('alicloud');

test('the public API (reviewed snapshot)', () => {
  const root = checker
    .getExportsOfModule(index)
    .map((s) => s.name)
    .sort();
  expect({ root, aws, alicloud }).toMatchSnapshot();
});

/**
 * What only one cloud has, by construct and member: everything else must be named the same on both.
 * AWS: Lambda's architecture, the IAM policy list, function URLs, alarm actions, alias alarms (FC 3.0
 * documents no alias dimension), log groups.
 * Alibaba Cloud: the provider class (no npm package exists), the engine setting, FC3 capacity
 * settings, logConfig, RAM policy resources, published version resources, CloudMonitor contact groups
 * and its second throttles metric.
 */
const CLOUD_ONLY: { [cloud in 'aws' | 'alicloud']: { [name: string]: string[] } } = {
  aws: {
    '': [
      'ApplicationLogLevel',
      'Architecture',
      'AWS_LIMITS',
      'CanaryAlarmOptions',
      'LOG_RETENTION_DAYS',
      'LogFormat',
      'PolicyStatement',
      'SystemLogLevel',
      'Tracing',
    ],
    AlarmOptions: ['alarmActions'],
    ArtifactBucket: ['encryption', 'lifecycle', 'ownershipControls', 'versioning'],
    AsyncWithDeadLetter: ['bufferQueueUrl'],
    CanaryAlias: ['alarm', 'arn', 'invokeArn', 'provisionedConcurrencyConfig'],
    CanaryAliasProps: ['alarm', 'provisionedConcurrency'],
    CustomImageFunction: ['logGroup', 'publicInvokePermission', 'publicUrlPermission', 'qualifiedArn'],
    CustomImageFunctionProps: [
      'applicationLogLevel',
      'architecture',
      'logFormat',
      'logRetentionDays',
      'environmentEncryption',
      'reservedConcurrency',
      'systemLogLevel',
      'tracing',
      'workingDirectory',
    ],
    FunctionAlarmsProps: ['qualifier'],
    FunctionBase: ['logGroup', 'publicInvokePermission', 'publicUrlPermission', 'qualifiedArn'],
    FunctionCommonProps: [
      'applicationLogLevel',
      'architecture',
      'environmentEncryption',
      'logFormat',
      'logRetentionDays',
      'reservedConcurrency',
      'systemLogLevel',
      'tracing',
    ],
    HttpTriggerOptions: ['allowMethods', 'allowOrigins'],
    ILayer: ['compatibleArchitectures'],
    IQueue: ['arn'],
    Layer: ['compatibleArchitectures'],
    LayeredFunction: ['logGroup', 'publicInvokePermission', 'publicUrlPermission', 'qualifiedArn'],
    LayeredFunctionProps: [
      'applicationLogLevel',
      'architecture',
      'environmentEncryption',
      'logFormat',
      'logRetentionDays',
      'reservedConcurrency',
      'snapStart',
      'systemLogLevel',
      'tracing',
    ],
    LayerProps: ['compatibleArchitectures'],
    HttpTrigger: ['functionUrl', 'publicInvokePermission', 'publicUrlPermission'],
    HttpTriggerProps: ['allowMethods', 'allowOrigins'],
    QueueTrigger: ['eventSourceMapping'],
    ScheduleTrigger: ['role', 'rolePolicy', 'schedule'],
    VpcOptions: ['ipv6AllowedForDualStack'],
  },
  alicloud: {
    '': ['AlicloudProvider', 'AlicloudProviderConfig', 'ENGINE_CONTEXT', 'FC_LIMITS', 'FC_RUNTIMES', 'FcLocation', 'HealthCheck', 'LogConfig', 'RamStatement'],
    // OSS sets a bucket's ACL with its own resource; S3 buckets are private through ownership controls.
    ArtifactBucket: ['acl'],
    // The LATEST twin of a qualified async configuration (the provider reads it back through LATEST).
    AsyncWithDeadLetter: ['latestInvokeConfig'],
    CustomImageFunction: ['functionVersion', 'location', 'rolePolicyAttachment'],
    CustomImageFunctionProps: ['acrInstanceId', 'cpu', 'instanceConcurrency', 'logConfig'],
    FunctionAlarms: ['resourceThrottles'],
    FunctionAlarmsProps: ['contactGroups'],
    FunctionBase: ['functionVersion', 'location', 'rolePolicyAttachment'],
    FunctionCommonProps: ['cpu', 'instanceConcurrency', 'logConfig'],
    HttpTriggerOptions: ['disableUrlInternet', 'methods'],
    IFunction: ['location'],
    IQueue: ['queueName'],
    LayeredFunction: ['functionVersion', 'location', 'rolePolicyAttachment'],
    LayeredFunctionProps: ['cpu', 'instanceConcurrency', 'logConfig'],
    HttpTrigger: ['trigger'],
    HttpTriggerProps: ['disableUrlInternet', 'methods'],
    QueueTrigger: ['trigger'],
    QueueTriggerProps: ['deadLetterQueue'],
    ScheduleTrigger: ['trigger'],
    VpcOptions: ['vpcId'],
  },
};

test('both namespaces export the same names, apart from the declared cloud-only ones', () => {
  const awsOnly = Object.keys(aws)
    .filter((n) => !(n in alicloud))
    .sort();
  const aliOnly = Object.keys(alicloud)
    .filter((n) => !(n in aws))
    .sort();
  expect({ aws: awsOnly, alicloud: aliOnly }).toEqual({ aws: CLOUD_ONLY.aws[''].sort(), alicloud: CLOUD_ONLY.alicloud[''].sort() });
});

test('constructs and interfaces of the same name have the same members, apart from the declared cloud-only ones', () => {
  const differences: { [name: string]: { aws: string[]; alicloud: string[] } } = {};
  const declared: typeof differences = {};
  for (const name of Object.keys(aws).filter((n) => n in alicloud && aws[n].length + alicloud[n].length > 0)) {
    const onlyAws = aws[name].filter((m) => !alicloud[name].includes(m));
    const onlyAli = alicloud[name].filter((m) => !aws[name].includes(m));
    if (onlyAws.length + onlyAli.length > 0) differences[name] = { aws: onlyAws, alicloud: onlyAli };
    if ((CLOUD_ONLY.aws[name] ?? []).length + (CLOUD_ONLY.alicloud[name] ?? []).length > 0) {
      declared[name] = { aws: [...(CLOUD_ONLY.aws[name] ?? [])].sort(), alicloud: [...(CLOUD_ONLY.alicloud[name] ?? [])].sort() };
    }
  }
  expect(differences).toEqual(declared);
});
