import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaLayerVersion } from '@cdktf/provider-aws/lib/lambda-layer-version';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { aws } from '../lib';
import { awsStack, expressionOf, makeFolder, only, resources, statements, synth, warnings } from './helpers';
import { conformanceErrors, loadSchema } from './conformance';

const lodash = makeFolder(
  {
    'nodejs/node_modules/lodash/package.json': '{"name":"lodash"}',
    'nodejs/node_modules/lodash/lodash.js': 'module.exports = {};',
  },
  'lodash',
);
const patch = makeFolder({ 'nodejs/node_modules/lodash/lodash.js': 'module.exports = { patched: true };' }, 'patch');
const code = makeFolder({ 'index.js': 'exports.handler = async () => "ok";' }, 'code');

function layer(scope: TerraformStack, id: string, folder = lodash, runtimes = ['nodejs22.x']): aws.Layer {
  return new aws.Layer(scope, id, { path: folder, compatibleRuntimes: runtimes, layerName: id });
}

describe('aws.Layer', () => {
  test('uploads the zip to a private, encrypted, versioned bucket and publishes a layer version', () => {
    const { stack } = awsStack();
    const l = new aws.Layer(stack, 'lodash', {
      path: lodash,
      compatibleRuntimes: ['nodejs22.x', 'nodejs24.x'],
      layerName: 'lodash',
      description: 'lodash',
      compatibleArchitectures: [aws.Architecture.ARM_64],
    });
    const json = synth(stack);
    const version = only(json, 'aws_lambda_layer_version');
    expect(version).toEqual(
      expect.objectContaining({
        layer_name: 'lodash',
        compatible_runtimes: ['nodejs22.x', 'nodejs24.x'],
        compatible_architectures: ['arm64'],
        description: 'lodash',
        s3_bucket: expect.stringMatching(/^\$\{aws_s3_object\.lodash_Object_[0-9A-F]+\.bucket\}$/),
        s3_key: expect.stringMatching(/^\$\{aws_s3_object\.lodash_Object_[0-9A-F]+\.key\}$/),
        source_code_hash: l.packaged.zipSha256,
        lifecycle: { create_before_destroy: true },
      }),
    );
    const object = only(json, 'aws_s3_object');
    expect(object.key).toBe(`layers/lodash/${l.packaged.contentHash}.zip`);
    expect(object.source).toMatch(new RegExp(`^assets/lodash_Asset_[0-9A-F]+/${l.packaged.contentHash}/${l.packaged.contentHash}\\.zip$`));
    expect(object.bucket).toMatch(/^\$\{aws_s3_bucket\.ServerlessArtifacts\.bucket\}$/);
    expect(only(json, 'aws_s3_bucket_public_access_block')).toEqual(
      expect.objectContaining({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true }),
    );
    expect(only(json, 'aws_s3_bucket_server_side_encryption_configuration').rule[0].apply_server_side_encryption_by_default).toEqual({
      sse_algorithm: 'AES256',
    });
    expect(only(json, 'aws_s3_bucket_versioning').versioning_configuration).toEqual({ status: 'Enabled' });
    expect(only(json, 'aws_s3_bucket_ownership_controls').rule).toEqual({ object_ownership: 'BucketOwnerEnforced' });
  });

  test('one artifact bucket per stack, or the bucket the user passes', () => {
    const { stack } = awsStack();
    layer(stack, 'a');
    layer(stack, 'b', patch);
    new aws.Layer(stack, 'c', { path: code, compatibleRuntimes: ['nodejs22.x'], bucket: 'my-artifacts' });
    const json = synth(stack);
    expect(Object.keys(resources(json, 'aws_s3_bucket'))).toHaveLength(1);
    expect(Object.values(resources(json, 'aws_s3_object')).map((o: any) => o.bucket)).toContain('my-artifacts');
  });

  test('an existing layer version by ARN', () => {
    const { stack } = awsStack();
    const ext = aws.Layer.fromLayerVersionArn(stack, 'ext', 'arn:aws:lambda:eu-west-1:123456789012:layer:otel:7');
    expect(ext.arn).toBe('arn:aws:lambda:eu-west-1:123456789012:layer:otel:7');
    expect(() => aws.Layer.fromLayerVersionArn(stack, 'bad', 'arn:aws:lambda:eu-west-1:123456789012:layer:otel')).toThrow(
      '[test/bad] arn must be a Lambda layer version ARN: arn:aws[-cn|-us-gov]:lambda:<region>:<account>:layer:<name>:<version>, got "arn:aws:lambda:eu-west-1:123456789012:layer:otel"',
    );
  });

  test.each([
    ['', 'layerName must be 1-140 characters of letters, digits, "-" and "_", got ""'],
    ['a'.repeat(141), `layerName must be 1-140 characters of letters, digits, "-" and "_", got "${'a'.repeat(141)}"`],
    ['has space', 'layerName must be 1-140 characters of letters, digits, "-" and "_", got "has space"'],
  ])('layer name %j is refused', (name, message) => {
    const { stack } = awsStack();
    expect(() => new aws.Layer(stack, 'l', { path: lodash, compatibleRuntimes: ['nodejs22.x'], layerName: name })).toThrow(`[test/l] ${message}`);
  });

  test('a missing or empty layer folder is refused', () => {
    const { stack } = awsStack();
    expect(() => layer(stack, 'missing', '/no/such/layer')).toThrow('[test/missing] path must be an existing folder, got "/no/such/layer" (not found)');
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-empty-layer-'));
    expect(() => layer(stack, 'empty', empty)).toThrow(`[test/empty] path must be a folder with at least one file, got ${JSON.stringify(empty)} (empty)`);
  });

  test('no compatible runtimes is refused', () => {
    const { stack } = awsStack();
    expect(() => new aws.Layer(stack, 'l', { path: lodash, compatibleRuntimes: [] })).toThrow(
      '[test/l] compatibleRuntimes must be a list of 1 to 15 runtimes, got []',
    );
  });
});

describe('aws.LayeredFunction', () => {
  test('layers in the declared order, publish, S3 code with its hash, role and log group', () => {
    const { stack } = awsStack();
    const first = layer(stack, 'lodash');
    const second = layer(stack, 'patch', patch);
    const fn = new aws.LayeredFunction(stack, 'orders', {
      functionName: 'orders',
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      code,
      layers: [second, 'arn:aws:lambda:eu-west-1:123456789012:layer:otel:7', first],
      memorySize: 256,
      timeout: 10,
      environment: { TABLE: 'orders' },
      reservedConcurrency: 5,
      description: 'orders',
    });
    const json = synth(stack);
    const f = only(json, 'aws_lambda_function');
    // Exactly the user's order, never sorted: patch, the ARN, lodash.
    expect(f.layers).toEqual([
      '${aws_lambda_layer_version.patch.arn}',
      'arn:aws:lambda:eu-west-1:123456789012:layer:otel:7',
      '${aws_lambda_layer_version.lodash.arn}',
    ]);
    expect(f).toEqual(
      expect.objectContaining({
        function_name: 'orders',
        runtime: 'nodejs22.x',
        handler: 'index.handler',
        package_type: 'Zip',
        publish: true,
        memory_size: 256,
        timeout: 10,
        reserved_concurrent_executions: 5,
        architectures: ['x86_64'],
        description: 'orders',
        environment: { variables: { TABLE: 'orders' } },
        source_code_hash: fn.packaged.zipSha256,
        logging_config: { log_format: 'Text', log_group: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.orders_LogGroup_[0-9A-F]+\.name\}$/) },
        role: expect.stringMatching(/^\$\{aws_iam_role\.orders_Role_[0-9A-F]+\.arn\}$/),
      }),
    );
    const codeObject = Object.values(resources(json, 'aws_s3_object')).find((o: any) => o.key.startsWith('code/')) as any;
    expect(codeObject.key).toBe(`code/${fn.packaged.contentHash}.zip`);
    expect(codeObject.source_hash).toBe(fn.packaged.zipSha256);
    expect(f.s3_key).toMatch(/^\$\{aws_s3_object\.ServerlessCode_Object-[0-9a-f]{16}_[0-9A-F]+\.key\}$/);
    expect(only(json, 'aws_cloudwatch_log_group')).toEqual(expect.objectContaining({ name: '/aws/lambda/orders', retention_in_days: 30 }));
    expect(JSON.parse(only(json, 'aws_iam_role').assume_role_policy).Statement).toEqual([
      { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ]);
    const logGroup = `\${aws_cloudwatch_log_group.${Object.keys(resources(json, 'aws_cloudwatch_log_group'))[0]}.arn}`;
    expect(statements(only(json, 'aws_iam_role_policy').policy)).toEqual([
      // Both actions are authorized against log-stream ARNs; the log group's `arn` has no ":*".
      { Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${logGroup}:log-stream:*` },
    ]);
    expect(f.depends_on).toEqual([expect.stringMatching(/^aws_cloudwatch_log_group\./), expect.stringMatching(/^aws_iam_role_policy\./)]);
    expect(expressionOf(stack, fn.version)).toBe('${aws_lambda_function.orders.version}');
  });

  test('functions built from the same folder share one asset and one S3 object; other content gets its own', () => {
    const { stack } = awsStack();
    const a = new aws.LayeredFunction(stack, 'a', { runtime: 'nodejs22.x', handler: 'index.a', code });
    const b = new aws.LayeredFunction(stack, 'b', { runtime: 'nodejs22.x', handler: 'index.b', code });
    const c = new aws.LayeredFunction(stack, 'c', { runtime: 'nodejs22.x', handler: 'index.handler', code: patch });
    expect(b.codeObject).toBe(a.codeObject);
    expect(c.codeObject).not.toBe(a.codeObject);
    const json = synth(stack);
    expect(Object.keys(resources(json, 'aws_s3_object'))).toHaveLength(2);
    const keys = Object.values<any>(resources(json, 'aws_lambda_function')).map((f) => f.s3_key);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  test('overlapping layers warn with the file, both layers and the winner', () => {
    const { stack } = awsStack();
    const fn = new aws.LayeredFunction(stack, 'fn', {
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      code,
      layers: [layer(stack, 'lodash'), layer(stack, 'patch', patch)],
    });
    expect(warnings(fn)).toEqual([
      'layers: file "nodejs/node_modules/lodash/lodash.js" is in layers "lodash", "patch"; "patch" wins (a later layer overrides the same file of an earlier one)',
    ]);
    expect(fn.layerOverlaps).toEqual([{ file: 'nodejs/node_modules/lodash/lodash.js', layers: ['lodash', 'patch'], winner: 'patch' }]);
  });

  test('a default function name is derived from the path, deterministic and within 64 characters', () => {
    const { stack } = awsStack();
    const fn = new aws.LayeredFunction(stack, 'a-very-long-construct-id-that-keeps-going-and-going-beyond-the-limit', {
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      code,
    });
    new TerraformOutput(stack, 'name', { value: fn.functionName });
    const json = synth(stack);
    const name: string = only(json, 'aws_lambda_function').function_name;
    expect(name.length).toBeLessThanOrEqual(64);
    expect(name).toMatch(/^test-a-very-long-construct-id.*-[0-9a-f]{8}$/);
    // functionName is a reference to the function, so what names the function through it depends on it.
    expect(json.output.name.value).toMatch(/^\$\{aws_lambda_function\.a-very-long-construct-id[^.]*\.function_name\}$/);
  });

  test('a layer in a shared stack is used by a function in another stack (cross-stack reference)', () => {
    const app = Testing.app({ stackTraces: false });
    const shared = new TerraformStack(app, 'shared');
    new AwsProvider(shared, 'aws', { region: 'eu-west-1' });
    const consumer = new TerraformStack(app, 'consumer');
    new AwsProvider(consumer, 'aws', { region: 'eu-west-1' });
    const l = layer(shared, 'lodash');
    new aws.LayeredFunction(consumer, 'fn', { functionName: 'fn', runtime: 'nodejs22.x', handler: 'index.handler', code, layers: [l] });
    app.synth();
    const read = (s: string) => JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', s, 'cdk.tf.json'), 'utf8'));
    const sharedJson = read('shared');
    const consumerJson = read('consumer');
    const outputName = Object.keys(sharedJson.output).find((k) => k.includes('aws_lambda_layer_versionlodash'))!;
    expect(sharedJson.output[outputName].value).toMatch(/^\$\{aws_lambda_layer_version\.lodash\.arn\}$/);
    expect(only(consumerJson, 'aws_lambda_function').layers).toEqual([
      `\${data.terraform_remote_state.cross-stack-reference-input-shared.outputs.${outputName}}`,
    ]);
    expect(resources(consumerJson, 'aws_lambda_layer_version')).toEqual({});
    const manifest = JSON.parse(fs.readFileSync(path.join(app.outdir, 'manifest.json'), 'utf8'));
    expect(manifest.stacks.consumer.dependencies).toEqual(['shared']);
  });

  describe('bad input', () => {
    const base = { runtime: 'nodejs22.x', handler: 'index.handler', code };

    test('more than 5 layers', () => {
      const { stack } = awsStack();
      const arns = [1, 2, 3, 4, 5, 6].map((v) => `arn:aws:lambda:eu-west-1:123456789012:layer:l${v}:1`);
      expect(() => new aws.LayeredFunction(stack, 'fn', { ...base, layers: arns })).toThrow('[test/fn] layers must have at most 5 layers, got 6');
    });

    test('the same layer twice', () => {
      const { stack } = awsStack();
      const l = layer(stack, 'lodash');
      expect(() => new aws.LayeredFunction(stack, 'fn', { ...base, layers: [l, l] })).toThrow(
        '[test/fn] layers[1] must be a layer not already in the list, got "lodash"',
      );
    });

    test('a layer whose compatible runtimes exclude the function runtime', () => {
      const { stack } = awsStack();
      const py = layer(stack, 'py', lodash, ['python3.13']);
      expect(() => new aws.LayeredFunction(stack, 'fn', { ...base, layers: [py] })).toThrow(
        '[test/fn] layers[0] must be a layer compatible with runtime "nodejs22.x" (layer "py" lists python3.13), got "py"',
      );
    });

    test.each([
      [{ memorySize: 127 }, 'memorySize must be an integer between 128 and 10240 MB, got 127'],
      [{ memorySize: 10241 }, 'memorySize must be an integer between 128 and 10240 MB, got 10241'],
      [{ timeout: 0 }, 'timeout must be an integer between 1 and 900 s, got 0'],
      [{ timeout: 901 }, 'timeout must be an integer between 1 and 900 s, got 901'],
      [{ functionName: 'a'.repeat(65) }, `functionName must be 1-64 characters of letters, digits, "-" and "_", got "${'a'.repeat(65)}"`],
      [{ functionName: 'bad.name' }, 'functionName must be 1-64 characters of letters, digits, "-" and "_", got "bad.name"'],
      [{ environment: { AWS_REGION: 'x' } }, 'environment key must be a name the platform does not reserve'],
      [{ environment: { _HANDLER: 'x' } }, 'got "_HANDLER"'],
      [{ environment: { '1X': 'x' } }, 'environment key must be a letter, then at least one letter, digit or "_", got "1X"'],
      // Smithy lambda EnvironmentVariableName: ^[a-zA-Z]([a-zA-Z0-9_])+$, so one letter alone is refused.
      [{ environment: { X: 'x' } }, 'environment key must be a letter, then at least one letter, digit or "_", got "X"'],
      // Lambda quotas: 4 KB of environment variables in all (keys and values).
      [
        { environment: { BIG: 'x'.repeat(4094) } },
        'environment must have at most 4096 bytes of keys and values in all (Lambda quotas: 4 KB), got "4097 bytes"',
      ],
      [{ environment: { LAMBDA_TASK_ROOT: 'x' } }, 'got "LAMBDA_TASK_ROOT"'],
      [{ logRetentionDays: 2 }, 'logRetentionDays must be one of 1, 3, 5, 7, 14, 30'],
      [{ architecture: 'sparc' as aws.Architecture }, 'architecture must be one of "x86_64", "arm64", got "sparc"'],
      [{ diskSize: 511 }, 'diskSize must be an integer between 512 and 10240 MB, got 511'],
      [{ diskSize: 10241 }, 'diskSize must be an integer between 512 and 10240 MB, got 10241'],
      [{ logFormat: 'XML' as aws.LogFormat }, 'logFormat must be one of "Text", "JSON", got "XML"'],
      [
        { logFormat: aws.LogFormat.JSON, applicationLogLevel: 'LOUD' as aws.ApplicationLogLevel },
        'applicationLogLevel must be one of "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", got "LOUD"',
      ],
      [
        { logFormat: aws.LogFormat.JSON, systemLogLevel: aws.ApplicationLogLevel.ERROR as unknown as aws.SystemLogLevel },
        'systemLogLevel must be one of "DEBUG", "INFO", "WARN", got "ERROR"',
      ],
      [
        { applicationLogLevel: aws.ApplicationLogLevel.DEBUG },
        'applicationLogLevel must be left out unless logFormat is LogFormat.JSON (Lambda filters levels of JSON logs only), got "DEBUG"',
      ],
      [
        { logFormat: aws.LogFormat.TEXT, systemLogLevel: aws.SystemLogLevel.WARN },
        'systemLogLevel must be left out unless logFormat is LogFormat.JSON (Lambda filters levels of JSON logs only), got "WARN"',
      ],
      [{ code: '/no/such/code' }, 'code must be an existing folder, got "/no/such/code" (not found)'],
    ])('%j is refused', (override, message) => {
      const { stack } = awsStack();
      expect(() => new aws.LayeredFunction(stack, 'fn', { ...base, ...override })).toThrow(message.startsWith('got') ? message : `[test/fn] ${message}`);
    });

    test('environment at exactly 4 KB and two-character keys pass', () => {
      expect(() => new aws.LayeredFunction(awsStack().stack, 'fn', { ...base, environment: { BIG: 'x'.repeat(4093) } })).not.toThrow();
      expect(() => new aws.LayeredFunction(awsStack().stack, 'fn', { ...base, environment: { AB: 'x' } })).not.toThrow();
    });

    test('logging and /tmp size: JSON logs with levels, ephemeral storage; Text and 512 MB by default', () => {
      const { stack } = awsStack();
      new aws.LayeredFunction(stack, 'fn', {
        ...base,
        diskSize: 4096,
        logFormat: aws.LogFormat.JSON,
        applicationLogLevel: aws.ApplicationLogLevel.WARN,
        systemLogLevel: aws.SystemLogLevel.DEBUG,
      });
      new aws.LayeredFunction(stack, 'plain', { ...base });
      const fns = resources(synth(stack), 'aws_lambda_function');
      const fn = Object.values(fns).find((f: any) => f.ephemeral_storage) as any;
      expect(fn.ephemeral_storage).toEqual({ size: 4096 });
      expect(fn.logging_config).toEqual({
        log_format: 'JSON',
        log_group: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.fn_/),
        application_log_level: 'WARN',
        system_log_level: 'DEBUG',
      });
      const plain = Object.values(fns).find((f: any) => !f.ephemeral_storage) as any;
      expect(plain.logging_config).toEqual({ log_format: 'Text', log_group: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.plain_/) });
    });

    test('VPC and tracing: vpc_config and tracing_config, with the network-interface and X-Ray actions (only "*"-only ones) in the policy the function depends on', () => {
      const { stack } = awsStack();
      new aws.LayeredFunction(stack, 'fn', {
        ...base,
        vpc: { subnetIds: ['subnet-0a1b2c3d', 'subnet-0e1f2a3b'], securityGroupIds: ['sg-0a1b2c3d'] },
        tracing: aws.Tracing.ACTIVE,
      });
      const json = synth(stack);
      const fn = only(json, 'aws_lambda_function');
      expect(fn.vpc_config).toEqual({ subnet_ids: ['subnet-0a1b2c3d', 'subnet-0e1f2a3b'], security_group_ids: ['sg-0a1b2c3d'] });
      expect(fn.tracing_config).toEqual({ mode: 'Active' });
      expect(fn.depends_on).toContain(`aws_iam_role_policy.${Object.keys(resources(json, 'aws_iam_role_policy'))[0]}`);
      const granted = statements(only(json, 'aws_iam_role_policy').policy);
      expect(granted.filter((st: any) => st.Sid !== 'WriteLogs')).toEqual([
        {
          Sid: 'ManageNetworkInterfaces',
          Effect: 'Allow',
          Action: [
            'ec2:CreateNetworkInterface',
            'ec2:DescribeNetworkInterfaces',
            'ec2:DescribeSubnets',
            'ec2:DeleteNetworkInterface',
            'ec2:AssignPrivateIpAddresses',
            'ec2:UnassignPrivateIpAddresses',
          ],
          Resource: '*',
        },
        { Sid: 'WriteTraces', Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' },
      ]);
      for (const st of granted.filter((g: any) => g.Resource === '*')) expect(st.Action.every((a: string) => aws.WILDCARD_ONLY_ACTIONS.includes(a))).toBe(true);
    });

    test('environmentEncryption: the customer managed key encrypts the environment (kms_key_arn), with no statement in the role', () => {
      const { stack } = awsStack();
      const key = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
      new aws.LayeredFunction(stack, 'fn', { ...base, environment: { SECRET_NAME: 'db' }, environmentEncryption: key });
      const json = synth(stack);
      expect(only(json, 'aws_lambda_function').kms_key_arn).toBe(key);
      expect(statements(only(json, 'aws_iam_role_policy').policy).map((st: any) => st.Sid)).toEqual(['WriteLogs']);
    });

    test('environmentEncryption: a multi-Region key ARN (key/mrk-…) is a key ARN', () => {
      const { stack } = awsStack();
      const key = 'arn:aws:kms:eu-west-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab';
      new aws.LayeredFunction(stack, 'fn', { ...base, environmentEncryption: key });
      const json = synth(stack);
      expect(only(json, 'aws_lambda_function').kms_key_arn).toBe(key);
      expect(json.data).toBeUndefined();
    });

    test('environmentEncryption: an alias ARN is resolved to its key through data.aws_kms_alias (KMS CreateGrant refuses aliases)', () => {
      const { stack } = awsStack();
      const alias = 'arn:aws:kms:eu-west-1:123456789012:alias/jobs-env';
      new aws.LayeredFunction(stack, 'fn', { ...base, environment: { SECRET_NAME: 'db' }, environmentEncryption: alias });
      const json = synth(stack);
      expect(only(json, 'aws_lambda_function').kms_key_arn).toBe('${data.aws_kms_alias.fn_EnvironmentKeyAlias_3E8E5DE3.target_key_arn}');
      expect(json.data.aws_kms_alias).toEqual({
        fn_EnvironmentKeyAlias_3E8E5DE3: {
          name: 'alias/jobs-env',
          lifecycle: {
            postcondition: [
              {
                condition: `\${self.arn == "${alias}"}`,
                error_message: `[test/fn] environmentEncryption names alias ${alias}, but the provider resolves alias/jobs-env in its own account and region: give the alias of the function's account and region, or the key ARN`,
              },
            ],
          },
        },
      });
      expect(conformanceErrors(json, loadSchema('aws.json'), 'aws_')).toEqual([]);
    });

    test('without vpc or tracing there is neither block nor grant', () => {
      const { stack } = awsStack();
      new aws.LayeredFunction(stack, 'fn', { ...base });
      const json = synth(stack);
      expect(only(json, 'aws_lambda_function').vpc_config).toBeUndefined();
      expect(only(json, 'aws_lambda_function').tracing_config).toBeUndefined();
      expect(statements(only(json, 'aws_iam_role_policy').policy).map((st: any) => st.Sid)).toEqual(['WriteLogs']);
    });

    test.each([
      [{ vpc: { subnetIds: [], securityGroupIds: ['sg-0a1b2c3d'] } }, 'vpc.subnetIds must be 1-16 IDs ("subnet-…" each), got 0'],
      [
        { vpc: { subnetIds: Array.from({ length: 17 }, (_, i) => `subnet-0a1b2c${(10 + i).toString(16)}`), securityGroupIds: ['sg-0a1b2c3d'] } },
        'vpc.subnetIds must be 1-16 IDs ("subnet-…" each), got 17',
      ],
      [{ vpc: { subnetIds: ['vsw-abc'], securityGroupIds: ['sg-0a1b2c3d'] } }, 'vpc.subnetIds must be an ID of the form "subnet-…", got "vsw-abc"'],
      [
        { vpc: { subnetIds: ['subnet-0a1b2c3d', 'subnet-0a1b2c3d'], securityGroupIds: ['sg-0a1b2c3d'] } },
        'vpc.subnetIds must be distinct IDs, got "subnet-0a1b2c3d"',
      ],
      [{ vpc: { subnetIds: ['subnet-0a1b2c3d'], securityGroupIds: [] } }, 'vpc.securityGroupIds must be 1-5 IDs ("sg-…" each), got 0'],
      [
        {
          vpc: { subnetIds: ['subnet-0a1b2c3d'], securityGroupIds: ['sg-0a1b2c31', 'sg-0a1b2c32', 'sg-0a1b2c33', 'sg-0a1b2c34', 'sg-0a1b2c35', 'sg-0a1b2c36'] },
        },
        'vpc.securityGroupIds must be 1-5 IDs ("sg-…" each), got 6',
      ],
      [{ vpc: { subnetIds: ['subnet-0a1b2c3d'], securityGroupIds: ['default'] } }, 'vpc.securityGroupIds must be an ID of the form "sg-…", got "default"'],
      [{ tracing: 'On' as aws.Tracing }, 'tracing must be one of "Active", "PassThrough", got "On"'],
      [
        { environmentEncryption: '1234abcd-12ab-34cd-56ef-1234567890ab' },
        'environmentEncryption must be a KMS key ARN ("arn:aws:kms:<region>:<account>:key/<key id or mrk-…>") or alias ARN ("arn:aws:kms:<region>:<account>:alias/<name>"), got "1234abcd-12ab-34cd-56ef-1234567890ab"',
      ],
      [
        { environmentEncryption: 'arn:aws:kms:eu-west-1:123456789012:key/mrk-123' },
        `environmentEncryption must be a KMS key ARN ("arn:aws:kms:<region>:<account>:key/<key id or mrk-…>") or alias ARN ("arn:aws:kms:<region>:<account>:alias/<name>"), got "arn:aws:kms:eu-west-1:123456789012:key/mrk-123"`,
      ],
      [
        { environmentEncryption: 'arn:aws:s3:::bucket' },
        'environmentEncryption must be a KMS key ARN ("arn:aws:kms:<region>:<account>:key/<key id or mrk-…>") or alias ARN ("arn:aws:kms:<region>:<account>:alias/<name>"), got "arn:aws:s3:::bucket"',
      ],
    ])('%j is refused', (override, message) => {
      const { stack } = awsStack();
      expect(() => new aws.LayeredFunction(stack, 'fn', { ...base, ...override })).toThrow(`[test/fn] ${message}`);
    });

    test('SnapStart on published versions, for the runtimes that support it', () => {
      const { stack } = awsStack();
      new aws.LayeredFunction(stack, 'fn', { ...base, runtime: 'python3.13', snapStart: true });
      expect(only(synth(stack), 'aws_lambda_function').snap_start).toEqual({ apply_on: 'PublishedVersions' });
    });

    test.each([
      [
        { runtime: 'nodejs22.x', snapStart: true },
        'snapStart must be left out for runtime "nodejs22.x" (SnapStart supports Java 11+, Python 3.12+ and .NET 8+), got true',
      ],
      [
        { runtime: 'python3.11', snapStart: true },
        'snapStart must be left out for runtime "python3.11" (SnapStart supports Java 11+, Python 3.12+ and .NET 8+), got true',
      ],
      [
        { runtime: 'java21', diskSize: 1024, snapStart: true },
        'snapStart must be left out with diskSize 1024 MB (SnapStart supports at most 512 MB of /tmp), got true',
      ],
    ])('SnapStart %j is refused', (override, message) => {
      const { stack } = awsStack();
      expect(() => new aws.LayeredFunction(stack, 'fn', { ...base, ...override })).toThrow(`[test/fn] ${message}`);
    });

    test.each(['java11', 'java17', 'java21', 'java25', 'python3.12', 'python3.14', 'dotnet8', 'dotnet10'])('SnapStart is accepted on %s', (runtime) => {
      const { stack } = awsStack();
      new aws.LayeredFunction(stack, 'fn', { ...base, runtime, snapStart: true });
      expect(only(synth(stack), 'aws_lambda_function')).toEqual(expect.objectContaining({ runtime, snap_start: { apply_on: 'PublishedVersions' } }));
    });

    test('a reserved environment key names the key', () => {
      const { stack } = awsStack();
      expect(() => new aws.LayeredFunction(stack, 'fn', { ...base, environment: { AWS_REGION: 'x' } })).toThrow(
        /^\[test\/fn\] environment key must be a name the platform does not reserve \(reserved: _HANDLER, .*AWS_REGION.*\), got "AWS_REGION"$/,
      );
    });

    test('code plus layers over 262144000 bytes unzipped names the largest parts', () => {
      const { stack } = awsStack();
      // Layers as the size check sees them: their listings (no need for 270 MB on disk).
      const big = '/layers/model';
      const bigLayer: aws.ILayer = {
        cloud: 'aws',
        arn: 'arn:aws:lambda:eu-west-1:123456789012:layer:model:1',
        label: 'model',
        listing: { directory: big, files: [{ path: 'model.bin', size: 200_000_000, executable: false }], unzippedSize: 200_000_000, statSignature: '' },
      };
      const lib: aws.ILayer = {
        cloud: 'aws',
        arn: 'arn:aws:lambda:eu-west-1:123456789012:layer:libs:1',
        label: 'libs',
        listing: { directory: big, files: [{ path: 'libs.bin', size: 70_000_000, executable: false }], unzippedSize: 70_000_000, statSignature: '' },
      };
      expect(() => new aws.LayeredFunction(stack, 'fn', { ...base, layers: [bigLayer, lib] })).toThrow(
        /^\[test\/fn\] code plus layers must be at most 262144000 bytes unzipped, got 2700000\d\d bytes \(largest: layer "model" 200000000 bytes, layer "libs" 70000000 bytes, code ".*code" \d+ bytes\)$/,
      );
    });
  });
});

test('the library exposes provider classes for the escape hatch', () => {
  const { stack } = awsStack();
  const fn = new aws.LayeredFunction(stack, 'fn', { runtime: 'nodejs22.x', handler: 'index.handler', code });
  expect(fn.function).toBeInstanceOf(LambdaFunction);
  fn.function.addOverride('tracing_config', { mode: 'Active' });
  const l = layer(stack, 'l');
  expect(l.layerVersion).toBeInstanceOf(LambdaLayerVersion);
  expect(only(synth(stack), 'aws_lambda_function').tracing_config).toEqual({ mode: 'Active' });
});

describe('aws runtimes and architectures', () => {
  test('a runtime AWS deprecated recently is accepted with a warning naming the date', () => {
    const { stack } = awsStack();
    const fn = new aws.LayeredFunction(stack, 'old', { runtime: 'nodejs20.x', handler: 'index.handler', code });
    expect(warnings(fn)).toEqual([
      'runtime: AWS deprecated "nodejs20.x" on 2026-04-30: it gets no security updates, and Lambda blocks creating, then updating, functions on it; move to nodejs24.x, nodejs22.x',
    ]);
  });

  test('a layer built for x86_64 is refused on an arm64 function, by construct and by ARN', () => {
    const { stack } = awsStack();
    const x86 = new aws.Layer(stack, 'x86', { path: lodash, compatibleRuntimes: ['nodejs22.x'], compatibleArchitectures: [aws.Architecture.X86_64] });
    expect(
      () =>
        new aws.LayeredFunction(stack, 'arm', { runtime: 'nodejs22.x', handler: 'index.handler', code, layers: [x86], architecture: aws.Architecture.ARM_64 }),
    ).toThrow('[test/arm] layers[0] must be a layer built for the function\'s architecture "arm64" (layer "x86" lists x86_64), got "x86"');
    const byArn = aws.Layer.fromLayerVersionArn(stack, 'otel', 'arn:aws:lambda:eu-west-1:123456789012:layer:otel:7', {
      compatibleArchitectures: [aws.Architecture.X86_64],
    });
    expect(
      () =>
        new aws.LayeredFunction(stack, 'arm2', {
          runtime: 'nodejs22.x',
          handler: 'index.handler',
          code,
          layers: [byArn],
          architecture: aws.Architecture.ARM_64,
        }),
    ).toThrow(
      '[test/arm2] layers[0] must be a layer built for the function\'s architecture "arm64" (layer "arn:aws:lambda:eu-west-1:123456789012:layer:otel:7" lists x86_64), got "arn:aws:lambda:eu-west-1:123456789012:layer:otel:7"',
    );
    // A layer that declares both, or none, fits either.
    const both = new aws.Layer(stack, 'both', {
      path: lodash,
      compatibleRuntimes: ['nodejs22.x'],
      compatibleArchitectures: [aws.Architecture.X86_64, aws.Architecture.ARM_64],
    });
    new aws.LayeredFunction(stack, 'ok', { runtime: 'nodejs22.x', handler: 'index.handler', code, layers: [both], architecture: aws.Architecture.ARM_64 });
  });

  test('layer ARNs in GovCloud and China partitions are accepted', () => {
    const { stack } = awsStack();
    new aws.LayeredFunction(stack, 'f', {
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      code,
      layers: ['arn:aws-us-gov:lambda:us-gov-west-1:123456789012:layer:otel:3', 'arn:aws-cn:lambda:cn-north-1:123456789012:layer:otel:4'],
    });
  });

  test('httpTrigger: true adds a function URL with IAM auth on the function, and no permission', () => {
    const { stack } = awsStack();
    const f = new aws.LayeredFunction(stack, 'api', { functionName: 'api', runtime: 'nodejs22.x', handler: 'index.handler', code, httpTrigger: true });
    const json = synth(stack);
    expect(only(json, 'aws_lambda_function_url')).toEqual({ authorization_type: 'AWS_IAM', function_name: '${aws_lambda_function.api.function_name}' });
    expect(resources(json, 'aws_lambda_permission')).toEqual({});
    expect(f.httpTrigger).toBeDefined();
    expect(f.publicUrlPermission).toBeUndefined();
    expect(expressionOf(stack, f.url)).toMatch(/^\$\{aws_lambda_function_url\.api_FunctionUrl_[0-9A-F]+\.function_url\}$/);
  });

  test('httpTrigger options as on CustomImageFunction: NONE on an alias with CORS (both permissions on cdktn, refused on cdktf)', () => {
    const { stack } = awsStack();
    const props = {
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      code,
      httpTrigger: { authType: aws.HttpAuthType.NONE, qualifier: 'live', allowOrigins: ['https://example.com'], allowMethods: ['GET'] },
    };
    // @cdktn/provider-aws (hashicorp/aws 6.66.0) has invoked_via_function_url; @cdktf/provider-aws (6.25.0) does not.
    if (!('invokedViaFunctionUrl' in LambdaPermission.prototype)) {
      expect(() => new aws.LayeredFunction(stack, 'api', props)).toThrow(
        /^\[test\/api\] httpTrigger\.authType must be HttpAuthType\.AWS_IAM with @cdktf\/provider-aws/,
      );
      return;
    }
    const f = new aws.LayeredFunction(stack, 'api', props);
    const json = synth(stack);
    expect(only(json, 'aws_lambda_function_url')).toEqual(
      expect.objectContaining({ authorization_type: 'NONE', qualifier: 'live', cors: { allow_origins: ['https://example.com'], allow_methods: ['GET'] } }),
    );
    expect(
      Object.values(resources(json, 'aws_lambda_permission')).map((p: any) => [
        p.action,
        p.principal,
        p.qualifier,
        p.function_url_auth_type,
        p.invoked_via_function_url,
      ]),
    ).toEqual([
      ['lambda:InvokeFunction', '*', 'live', undefined, true],
      ['lambda:InvokeFunctionUrl', '*', 'live', 'NONE', undefined],
    ]);
    expect(f.publicUrlPermission).toBeDefined();
    expect(f.publicInvokePermission).toBeDefined();
  });

  test('without httpTrigger there is no URL; a bad authType is refused with the prop path', () => {
    const { stack } = awsStack();
    const f = new aws.LayeredFunction(stack, 'plain', { runtime: 'nodejs22.x', handler: 'index.handler', code });
    expect(resources(synth(stack), 'aws_lambda_function_url')).toEqual({});
    expect(f.url).toBeUndefined();
    expect(
      () =>
        new aws.LayeredFunction(stack, 'bad', {
          runtime: 'nodejs22.x',
          handler: 'index.handler',
          code,
          httpTrigger: { authType: 'PUBLIC' as aws.HttpAuthType },
        }),
    ).toThrow('[test/bad] httpTrigger.authType must be one of "AWS_IAM", "NONE", got "PUBLIC"');
  });

  test('a layer for a runtime Lambda no longer accepts is refused', () => {
    const { stack } = awsStack();
    expect(() => new aws.Layer(stack, 'old', { path: lodash, compatibleRuntimes: ['nodejs22.x', 'nodejs16.x'] })).toThrow(
      '[test/old] compatibleRuntimes[1] must be a runtime Lambda still accepts for new functions (AWS deprecated nodejs16.x on 2024-06-12; use nodejs24.x, nodejs22.x), got "nodejs16.x"',
    );
  });
});

describe('aws addToRolePolicy', () => {
  const fnOf = () => {
    const { stack } = awsStack();
    return { stack, fn: new aws.LayeredFunction(stack, 'f', { functionName: 'f', runtime: 'nodejs22.x', handler: 'index.handler', code }) };
  };

  test('"*" is refused for an action that has resources, naming the actions that accept only "*"', () => {
    const { fn } = fnOf();
    expect(() => fn.addToRolePolicy({ sid: 'All', actions: ['s3:GetObject'], resources: ['*'] })).toThrow(
      `[test/f] policy statement All resources must be concrete ARNs for s3:GetObject ("*" is allowed only for actions that accept nothing else: ${aws.WILDCARD_ONLY_ACTIONS.join(', ')}), got "*"`,
    );
    expect(() => fn.addToRolePolicy({ sid: 'Mixed', actions: ['xray:PutTraceSegments', 'sqs:SendMessage'], resources: ['*'] })).toThrow(
      '[test/f] policy statement Mixed resources must be concrete ARNs for sqs:SendMessage',
    );
    expect(() => fn.addToRolePolicy({ sid: 'Empty', actions: ['sqs:SendMessage'], resources: [' '] })).toThrow(
      '[test/f] policy statement Empty resources must be concrete ARNs, got " "',
    );
  });

  test('"*" is granted for actions that accept only "*" (X-Ray, PutMetricData, VPC network interfaces)', () => {
    const { stack, fn } = fnOf();
    fn.addToRolePolicy({ sid: 'Tracing', actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] });
    fn.addToRolePolicy({ sid: 'Metrics', actions: ['cloudwatch:PutMetricData'], resources: ['*'] });
    fn.addToRolePolicy({
      sid: 'Vpc',
      actions: ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface'],
      resources: ['*'],
    });
    const granted = statements(only(synth(stack), 'aws_iam_role_policy').policy);
    expect(granted.filter((s: any) => s.Resource === '*').map((s: any) => s.Sid)).toEqual(['Tracing', 'Metrics', 'Vpc']);
  });

  test('the same grant twice is one statement; a second grant of a kind gets a numbered id', () => {
    const { stack, fn } = fnOf();
    fn.addToRolePolicy({ sid: 'Send', actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:eu-west-1:123456789012:a'] });
    fn.addToRolePolicy({ sid: 'Send', actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:eu-west-1:123456789012:a'] });
    fn.addToRolePolicy({ sid: 'Send', actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:eu-west-1:123456789012:b'] });
    const granted = statements(only(synth(stack), 'aws_iam_role_policy').policy).filter((s: any) => s.Sid.startsWith('Send'));
    expect(granted).toEqual([
      { Sid: 'Send', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:eu-west-1:123456789012:a' },
      { Sid: 'Send2', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:eu-west-1:123456789012:b' },
    ]);
  });
});
