import { TerraformStack, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { alicloud, aws } from '../lib';
import { makeFolder, only } from './helpers';

// What decides that a new version is published, over every prop of every function construct.
// FC3: the library's fingerprint (the ForceNew description of alicloud_fcv3_function_version) is
// derived from the rendered function configuration plus content hashes. AWS: the provider publishes
// when an attribute of needsFunctionConfigUpdate / needsFunctionCodeUpdate changes
// (internal/service/lambda/function.go, 6.25); every prop must land in one of those, or be listed
// here as not part of a version.

const code = makeFolder({ 'index.js': 'exports.handler = async () => 1;' }, 'code');
const code2 = makeFolder({ 'index.js': 'exports.handler = async () => 2;' }, 'code2');
const layerA = makeFolder({ 'nodejs/a.js': 'a' }, 'layer-a');
const layerB = makeFolder({ 'nodejs/b.js': 'b' }, 'layer-b');

type Variants<P> = { [prop: string]: Partial<P> };

const FC_COMMON: Variants<alicloud.LayeredFunctionProps> = {
  description: { description: 'changed' },
  memorySize: { memorySize: 1024 },
  timeout: { timeout: 30 },
  cpu: { cpu: 1 },
  diskSize: { diskSize: 10240 },
  instanceConcurrency: { instanceConcurrency: 5 },
  environment: { environment: { MODE: 'b' } },
  logConfig: { logConfig: { project: 'p', logstore: 'other' } },
  vpc: { vpc: { vpcId: 'vpc-a1', subnetIds: ['vsw-a1'], securityGroupIds: ['sg-a1'] } },
};
const FC_LAYERED: Variants<alicloud.LayeredFunctionProps> = {
  ...FC_COMMON,
  runtime: { runtime: 'nodejs18' },
  handler: { handler: 'main.handler' },
  code: { code: code2 },
  layers: { layers: [] },
};
const FC_IMAGE: Variants<alicloud.CustomImageFunctionProps> = {
  ...(FC_COMMON as Variants<alicloud.CustomImageFunctionProps>),
  image: { image: 'registry.cn-hangzhou.aliyuncs.com/demo/web:2.0.0' },
  command: { command: ['/app/other'] },
  args: { args: ['--port', '8080'] },
  port: { port: 8080 },
  healthCheck: { healthCheck: { path: '/ready' } },
};

function fcStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  return stack;
}

function fcLayered(props: Partial<alicloud.LayeredFunctionProps>): string {
  const stack = fcStack();
  const layer = new alicloud.Layer(stack, 'a', { path: layerA, compatibleRuntimes: ['nodejs20', 'nodejs18'] });
  new alicloud.LayeredFunction(stack, 'f', {
    functionName: 'f',
    runtime: 'nodejs20',
    handler: 'index.handler',
    code,
    layers: [layer],
    environment: { MODE: 'a' },
    logConfig: { project: 'p', logstore: 'l' },
    ...props,
  });
  return only(JSON.parse(Testing.synth(stack, true)), 'alicloud_fcv3_function_version').description;
}

function fcImage(props: Partial<alicloud.CustomImageFunctionProps>): string {
  const stack = fcStack();
  new alicloud.CustomImageFunction(stack, 'f', {
    functionName: 'f',
    image: 'registry.cn-hangzhou.aliyuncs.com/demo/web:1.0.0',
    command: ['/app/server'],
    args: ['--port', '9000'],
    healthCheck: { path: '/healthz' },
    environment: { MODE: 'a' },
    logConfig: { project: 'p', logstore: 'l' },
    ...props,
  });
  return only(JSON.parse(Testing.synth(stack, true)), 'alicloud_fcv3_function_version').description;
}

describe('FC3: a change of any prop publishes a new version; no change publishes none', () => {
  test('the same program gives the same fingerprint', () => {
    expect(fcLayered({})).toBe(fcLayered({}));
    expect(fcImage({})).toBe(fcImage({}));
  });
  test.each(Object.entries(FC_LAYERED))('LayeredFunction %s', (_prop, change) => {
    expect(fcLayered(change)).not.toBe(fcLayered({}));
  });
  test('LayeredFunction: new content in a layer', () => {
    const stack = fcStack();
    const layer = new alicloud.Layer(stack, 'a', { path: layerB, compatibleRuntimes: ['nodejs20'] });
    new alicloud.LayeredFunction(stack, 'f', {
      functionName: 'f',
      runtime: 'nodejs20',
      handler: 'index.handler',
      code,
      layers: [layer],
      environment: { MODE: 'a' },
      logConfig: { project: 'p', logstore: 'l' },
    });
    expect(only(JSON.parse(Testing.synth(stack, true)), 'alicloud_fcv3_function_version').description).not.toBe(fcLayered({}));
  });
  test.each(Object.entries(FC_IMAGE))('CustomImageFunction %s', (_prop, change) => {
    expect(fcImage(change)).not.toBe(fcImage({}));
  });
  test('tags are not part of a version: changing them publishes none', () => {
    expect(fcLayered({ tags: { team: 'a' } })).toBe(fcLayered({ tags: { team: 'b' } }));
  });
});

// function.go: the attributes whose change makes the provider publish (publish = true).
const AWS_PUBLISHING = new Set([
  'description',
  'handler',
  'file_system_config',
  'image_config',
  'logging_config',
  'memory_size',
  'role',
  'timeout',
  'kms_key_arn',
  'layers',
  'dead_letter_config',
  'snap_start',
  'tracing_config',
  'vpc_config',
  'runtime',
  'environment',
  'ephemeral_storage',
  'filename',
  'source_code_hash',
  's3_bucket',
  's3_key',
  's3_object_version',
  'image_uri',
  'architectures',
  'publish',
]);
// Props that are not part of a Lambda version: concurrency is per function, retention is the log
// group's, tags are the function's (the provider publishes on none of them).
const AWS_NOT_VERSIONED = ['reservedConcurrency', 'logRetentionDays', 'tags'];

const AWS_COMMON: Variants<aws.LayeredFunctionProps> = {
  description: { description: 'changed' },
  memorySize: { memorySize: 1024 },
  timeout: { timeout: 30 },
  environment: { environment: { MODE: 'b' } },
  architecture: { architecture: aws.Architecture.ARM_64 },
  diskSize: { diskSize: 2048 },
  logFormat: { logFormat: aws.LogFormat.JSON },
  applicationLogLevel: { logFormat: aws.LogFormat.JSON, applicationLogLevel: aws.ApplicationLogLevel.WARN },
  systemLogLevel: { logFormat: aws.LogFormat.JSON, systemLogLevel: aws.SystemLogLevel.WARN },
  vpc: { vpc: { subnetIds: ['subnet-0a1b2c3d'], securityGroupIds: ['sg-0a1b2c3d'] } },
  tracing: { tracing: aws.Tracing.ACTIVE },
  environmentEncryption: { environmentEncryption: 'arn:aws:kms:eu-west-1:123456789012:alias/lambda-env' },
  reservedConcurrency: { reservedConcurrency: 5 },
  logRetentionDays: { logRetentionDays: 90 },
  tags: { tags: { team: 'b' } },
};
const AWS_LAYERED: Variants<aws.LayeredFunctionProps> = {
  ...AWS_COMMON,
  runtime: { runtime: 'nodejs20.x' },
  handler: { handler: 'main.handler' },
  code: { code: code2 },
  layers: { layers: [] },
  snapStart: { runtime: 'python3.13', handler: 'index.handler', layers: [], snapStart: true },
};
const AWS_IMAGE: Variants<aws.CustomImageFunctionProps> = {
  ...(AWS_COMMON as Variants<aws.CustomImageFunctionProps>),
  image: { image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:2.0.0' },
  command: { command: ['/app/other'] },
  args: { args: ['--port', '8080'] },
  port: { port: 8080 },
  healthCheck: { healthCheck: { path: '/ready' } },
  workingDirectory: { workingDirectory: '/srv' },
};

function awsFunction(build: (stack: TerraformStack) => void): { [attr: string]: unknown } {
  const stack = new TerraformStack(Testing.app(), 'test');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  build(stack);
  const json = JSON.parse(Testing.synth(stack, true));
  const { '//': _m, depends_on: _d, ...fn } = only(json, 'aws_lambda_function');
  return { ...fn, log_group_retention: only(json, 'aws_cloudwatch_log_group').retention_in_days };
}

function changedAttributes(a: { [k: string]: unknown }, b: { [k: string]: unknown }): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

describe('AWS: every versioned prop changes an attribute the provider publishes on', () => {
  const layered = (p: Partial<aws.LayeredFunctionProps>) =>
    awsFunction((s) => {
      const layer = new aws.Layer(s, 'a', { path: layerA, compatibleRuntimes: ['nodejs22.x', 'nodejs20.x'] });
      new aws.LayeredFunction(s, 'f', {
        functionName: 'f',
        runtime: 'nodejs22.x',
        handler: 'index.handler',
        code,
        layers: [layer],
        environment: { MODE: 'a' },
        ...p,
      });
    });
  const image = (p: Partial<aws.CustomImageFunctionProps>) =>
    awsFunction((s) => {
      new aws.CustomImageFunction(s, 'f', {
        functionName: 'f',
        image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.0.0',
        command: ['/app/server'],
        args: ['--port', '9000'],
        healthCheck: { path: '/healthz' },
        environment: { MODE: 'a' },
        ...p,
      });
    });

  test('the same program renders the same function', () => {
    expect(changedAttributes(layered({}), layered({}))).toEqual([]);
    expect(changedAttributes(image({}), image({}))).toEqual([]);
  });
  test.each([
    ...Object.entries(AWS_LAYERED).map(([prop, change]) => ['LayeredFunction', prop, changedAttributes(layered({}), layered(change))] as const),
    ...Object.entries(AWS_IMAGE).map(
      ([prop, change]) => ['CustomImageFunction', prop, changedAttributes(image({}), image(change as Partial<aws.CustomImageFunctionProps>))] as const,
    ),
  ])('%s %s', (_construct, prop, changed) => {
    expect(changed.length).toBeGreaterThan(0);
    const publishing = changed.filter((a) => AWS_PUBLISHING.has(a));
    if (AWS_NOT_VERSIONED.includes(prop)) expect(publishing).toEqual([]);
    else expect(publishing).not.toEqual([]);
  });
});
