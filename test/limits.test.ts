/**
 * The remaining limits of both clouds, each fed a bad value and checked for its exact message
 * (the per-construct files cover the limits the issues list; these are the rest the code enforces).
 */
import { TerraformStack, Testing } from 'cdktf';
import { aws, alicloud, isValidationError, ValidationError } from '../lib';
import { awsStack, makeFolder } from './helpers';

const code = makeFolder({ 'index.js': 'exports.handler = async () => 1;' }, 'code');
const layerDir = makeFolder({ 'nodejs/x.js': 'x' }, 'layer');
const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.0.0';
const LONG = 'd'.repeat(257);

describe('AWS', () => {
  const fnBase = { runtime: 'nodejs22.x', handler: 'index.handler', code };
  const CURRENT_RUNTIMES =
    'nodejs24.x, nodejs22.x, python3.14, python3.13, python3.12, java25, java21, dotnet10, ruby3.4, ruby3.3, provided.al2023; see the AWS "Lambda runtimes" page';

  test.each([
    [{ runtime: 'Node 22' }, `runtime must be a Lambda runtime identifier (${CURRENT_RUNTIMES}), got "Node 22"`],
    [{ runtime: 'nodejs22' }, `runtime must be a Lambda runtime identifier (${CURRENT_RUNTIMES}), got "nodejs22"`],
    [{ runtime: 'node22.x' }, `runtime must be a Lambda runtime identifier (${CURRENT_RUNTIMES}), got "node22.x"`],
    [
      { runtime: 'nodejs12.x' },
      'runtime must be a runtime Lambda still accepts for new functions (AWS deprecated nodejs12.x on 2023-03-31; use nodejs24.x, nodejs22.x), got "nodejs12.x"',
    ],
    [
      { runtime: 'nodejs18.x' },
      'runtime must be a runtime Lambda still accepts for new functions (AWS deprecated nodejs18.x on 2025-09-01; use nodejs24.x, nodejs22.x), got "nodejs18.x"',
    ],
    [
      { runtime: 'python3.8' },
      'runtime must be a runtime Lambda still accepts for new functions (AWS deprecated python3.8 on 2024-10-14; use python3.14, python3.13, python3.12), got "python3.8"',
    ],
    [
      { runtime: 'nodejs22.x', layers: ['arn:aws:lambda:eu-west-1:123456789012:layer:otel:…'] },
      'layers[0] must be a Lambda layer version ARN: arn:aws[-cn|-us-gov]:lambda:<region>:<account>:layer:<name>:<version>, got "arn:aws:lambda:eu-west-1:123456789012:layer:otel:…"',
    ],
    [
      { runtime: 'nodejs22.x', layers: ['acs:fc:cn-hangzhou:123:layers/otel/versions/1'] },
      'layers[0] must be a Lambda layer version ARN: arn:aws[-cn|-us-gov]:lambda:<region>:<account>:layer:<name>:<version>, got "acs:fc:cn-hangzhou:123:layers/otel/versions/1"',
    ],
    [{ handler: 'index handler' }, 'handler must be 1-128 characters of a handler without spaces such as "index.handler", got "index handler"'],
    [{ reservedConcurrency: -1 }, 'reservedConcurrency must be an integer between 0 and 100000, got -1'],
    [{ description: LONG }, `description must be 0-256 characters of any text, got "${LONG}"`],
  ])('LayeredFunction %j is refused', (override, message) => {
    const { stack } = awsStack();
    expect(() => new aws.LayeredFunction(stack, 'fn', { ...fnBase, ...override })).toThrow(`[test/fn] ${message}`);
  });

  test.each([
    [{ workingDirectory: 'app' }, 'workingDirectory must be 1-1000 characters of an absolute path, got "app"'],
    [
      { healthCheck: { path: '/ready' }, environment: { AWS_LWA_READINESS_CHECK_PATH: '/other' } },
      'environment.AWS_LWA_READINESS_CHECK_PATH must be left to the construct, which sets it from healthCheck.path, got "/other"',
    ],
    [{ args: [] }, 'args must be a list of 1 to 1500 strings, got []'],
  ])('CustomImageFunction %j is refused', (override, message) => {
    const { stack } = awsStack();
    expect(() => new aws.CustomImageFunction(stack, 'web', { image: IMAGE, ...override })).toThrow(`[test/web] ${message}`);
  });

  test('layer architectures', () => {
    const { stack } = awsStack();
    expect(
      () => new aws.Layer(stack, 'l', { path: layerDir, compatibleRuntimes: ['nodejs22.x'], compatibleArchitectures: ['mips' as aws.Architecture] }),
    ).toThrow('[test/l] compatibleArchitectures must be one of "x86_64", "arm64", got "mips"');
  });

  test.each([
    [{ period: 90 }, 'alarm.period must be an integer between 60 and 86400 and a multiple of 60, got 90'],
    [{ evaluationPeriods: 0 }, 'alarm.evaluationPeriods must be an integer between 1 and 100, got 0'],
  ])('CanaryAlias alarm %j is refused', (override, message) => {
    const { stack } = awsStack();
    const fn = new aws.LayeredFunction(stack, 'fn', fnBase);
    expect(() => new aws.CanaryAlias(stack, 'live', { function: fn, stableVersion: '1', canaryWeight: 0.1, alarm: { threshold: 1, ...override } })).toThrow(
      `[test/live] ${message}`,
    );
  });

  test('an existing function without a known version needs explicit versions', () => {
    const { stack } = awsStack();
    const fn = aws.FunctionBase.fromFunctionAttributes(stack, 'legacy', { functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:legacy' });
    expect(() => new aws.CanaryAlias(stack, 'a', { function: fn })).toThrow(
      '[test/a] stableVersion must be set for a function that does not publish versions here, got nothing',
    );
    expect(() => new aws.CanaryAlias(stack, 'b', { function: fn, stableVersion: '3', canaryWeight: 0.1 })).toThrow(
      '[test/b] canaryVersion must be set for a function that does not publish versions here, got nothing',
    );
  });

  test.each([
    [
      { functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:legacy:3' },
      'functionArn must be an unqualified Lambda function ARN: arn:aws:lambda:<region>:<account>:function:<name>, got "arn:aws:lambda:eu-west-1:123456789012:function:legacy:3"',
    ],
    [{ timeout: 901 }, 'timeout must be an integer between 1 and 900 s, got 901'],
  ])('fromFunctionAttributes %j is refused', (override, message) => {
    const { stack } = awsStack();
    expect(() =>
      aws.FunctionBase.fromFunctionAttributes(stack, 'legacy', { functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:legacy', ...override }),
    ).toThrow(`[test/legacy] ${message}`);
  });

  test.each([
    [{ buffer: { maxReceiveCount: 0 } }, 'buffer.maxReceiveCount must be an integer between 1 and 1000, got 0'],
    [{ buffer: { visibilityTimeout: 43201 } }, 'buffer.visibilityTimeout must be an integer between 0 and 43200 s, got 43201'],
    [{ buffer: { retention: 1209601 } }, 'buffer.retention must be an integer between 60 and 1209600 s, got 1209601'],
    [{ deadLetterRetention: 59 }, 'deadLetterRetention must be an integer between 60 and 1209600 s, got 59'],
  ])('AsyncWithDeadLetter %j is refused', (override, message) => {
    const { stack } = awsStack();
    const fn = new aws.LayeredFunction(stack, 'fn', fnBase);
    expect(() => new aws.AsyncWithDeadLetter(stack, 'async', { function: fn, ...override })).toThrow(`[test/async] ${message}`);
  });
});

describe('Alibaba Cloud', () => {
  function fcStack(): TerraformStack {
    const stack = new TerraformStack(Testing.app(), 'test');
    new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    return stack;
  }
  const fnBase = { runtime: 'nodejs20', handler: 'index.handler', code };

  test.each([
    [{ handler: 'index handler' }, 'handler must be 1-128 characters of a handler without spaces such as "index.handler", got "index handler"'],
    [{ description: LONG }, `description must be 0-256 characters of any text, got "${LONG}"`],
  ])('LayeredFunction %j is refused', (override, message) => {
    const stack = fcStack();
    expect(() => new alicloud.LayeredFunction(stack, 'fn', { ...fnBase, ...override })).toThrow(`[test/fn] ${message}`);
  });

  test('layer runtimes: 1 to 20', () => {
    const stack = fcStack();
    expect(() => new alicloud.Layer(stack, 'l', { path: layerDir, compatibleRuntimes: [] })).toThrow(
      '[test/l] compatibleRuntimes must be a list of 1 to 20 runtimes, got []',
    );
  });

  test('HTTP trigger auth type', () => {
    const stack = fcStack();
    expect(
      () =>
        new alicloud.CustomImageFunction(stack, 'web', {
          image: 'registry.cn-hangzhou.aliyuncs.com/demo/web:1.0.0',
          httpTrigger: { authType: 'NONE' as alicloud.HttpAuthType },
        }),
    ).toThrow('[test/web] httpTrigger.authType must be one of "function", "anonymous", got "NONE"');
  });

  test.each([
    [
      { buffer: { maxConcurrency: 10 } },
      'buffer.maxConcurrency must be left out on FC3: FC 3.0 offers no concurrency limit for an MNS queue source (RunOptions has no maximumTasks; DeliveryOption.concurrency applies to Kafka sources only), got 10',
    ],
    [{ deadLetterRetention: 604801 }, 'deadLetterRetention must be an integer between 60 and 604800 s, got 604801'],
  ])('AsyncWithDeadLetter %j is refused', (override, message) => {
    const stack = fcStack();
    const fn = new alicloud.LayeredFunction(stack, 'fn', fnBase);
    expect(() => new alicloud.AsyncWithDeadLetter(stack, 'async', { function: fn, ...override })).toThrow(`[test/async] ${message}`);
  });
});

describe('every refusal is a ValidationError', () => {
  test.each([
    [
      'a missing code folder',
      () => {
        const { stack } = awsStack();
        new aws.LayeredFunction(stack, 'f', { runtime: 'nodejs22.x', handler: 'index.handler', code: '/nonexistent/folder' });
      },
    ],
    [
      'six layers',
      () => {
        const { stack } = awsStack();
        const arns = [1, 2, 3, 4, 5, 6].map((n) => `arn:aws:lambda:eu-west-1:123456789012:layer:l${n}:1`);
        new aws.LayeredFunction(stack, 'f', { runtime: 'nodejs22.x', handler: 'index.handler', code, layers: arns });
      },
    ],
    [
      'a wildcard grant',
      () => {
        const { stack } = awsStack();
        new aws.LayeredFunction(stack, 'f', { runtime: 'nodejs22.x', handler: 'index.handler', code }).addToRolePolicy({
          sid: 'S',
          actions: ['s3:GetObject'],
          resources: ['*'],
        });
      },
    ],
    [
      'an FC3 stack without a literal region that needs one',
      () => {
        const stack = new TerraformStack(Testing.app(), 'fc');
        new alicloud.AlicloudProvider(stack, 'alicloud', {});
        new alicloud.LayeredFunction(stack, 'f', { runtime: 'nodejs20', handler: 'index.handler', code, logConfig: { project: 'p', logstore: 'l' } });
      },
    ],
  ])('%s', (_what, build) => {
    expect(build).toThrow(ValidationError);
  });

  test('the parts of the message are fields, and isValidationError recognizes it (also from another copy of the library)', () => {
    const { stack } = awsStack();
    let caught: unknown;
    try {
      new aws.LayeredFunction(stack, 'f', { runtime: 'nodejs22.x', handler: 'index.handler', code, memorySize: 64 });
    } catch (e) {
      caught = e;
    }
    expect(isValidationError(caught)).toBe(true);
    expect(caught).toEqual(
      expect.objectContaining({ path: 'test/f', prop: 'memorySize', value: 64, allowed: 'an integer between 128 and 10240 MB', name: 'ValidationError' }),
    );
    // A second copy (another node_modules) has another class; the brand is a registered symbol, so it still counts.
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module copy needs a synchronous require inside isolateModules
      const other = require('../lib/core/validation') as typeof import('../lib/core/validation');
      expect(other.ValidationError).not.toBe(ValidationError);
      expect(other.isValidationError(caught)).toBe(true);
    });
    expect(isValidationError(new Error('[test/f] memorySize must be …'))).toBe(false);
    expect(isValidationError(null)).toBe(false);
  });

  test('the region message names what is missing', () => {
    const stack = new TerraformStack(Testing.app(), 'fc');
    new alicloud.AlicloudProvider(stack, 'alicloud', {});
    expect(
      () => new alicloud.LayeredFunction(stack, 'f', { runtime: 'nodejs20', handler: 'index.handler', code, logConfig: { project: 'p', logstore: 'l' } }),
    ).toThrow(
      '[fc/f] region must be set on the AlicloudProvider of stack fc (or in context "cdktf-serverless:alicloudRegion") so RAM policies name exact resources, got nothing',
    );
  });
});
