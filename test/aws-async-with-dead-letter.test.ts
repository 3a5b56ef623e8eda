import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { aws } from '../lib';
import { awsStack, expressionOf, makeFolder, only, resources, statements, synth } from './helpers';

const code = makeFolder({ 'index.js': 'exports.handler = async () => "ok";' }, 'code');

function setup(timeout = 10) {
  const { stack } = awsStack();
  const fn = new aws.LayeredFunction(stack, 'orders', { functionName: 'orders', runtime: 'nodejs22.x', handler: 'index.handler', code, timeout });
  return { stack, fn };
}

const ref = (type: string, idPrefix: string, attr: string) => new RegExp(`^\\$\\{${type}\\.${idPrefix}_[0-9A-F]+\\.${attr}\\}$`);
/** A reference to the main resource of a construct (id "Default": its logical id is the construct's). */
const main = (type: string, id: string, attr: string) => `\${${type}.${id}.${attr}}`;

function policyOf(json: any): any[] {
  return statements(Object.values(resources(json, 'aws_iam_role_policy')).find((p: any) => p.role.includes('orders_Role'))!.policy as string);
}

describe('aws.AsyncWithDeadLetter', () => {
  test('on the alias: retries, event age, failures to a created encrypted DLQ, exactly sqs:SendMessage on it', () => {
    const { stack, fn } = setup();
    const live = new aws.CanaryAlias(stack, 'live', { function: fn, stableVersion: '1', canaryWeight: 0.05 });
    const async = new aws.AsyncWithDeadLetter(stack, 'async', { function: fn, qualifier: live, retryAttempts: 1, maxEventAge: 3600 });
    const json = synth(stack);
    const config = only(json, 'aws_lambda_function_event_invoke_config');
    expect(config).toEqual(
      expect.objectContaining({
        function_name: '${aws_lambda_function.orders.function_name}',
        qualifier: main('aws_lambda_alias', 'live', 'name'),
        maximum_retry_attempts: 1,
        maximum_event_age_in_seconds: 3600,
        destination_config: { on_failure: { destination: expect.stringMatching(ref('aws_sqs_queue', 'async_DeadLetterQueue', 'arn')) } },
        depends_on: [expect.stringMatching(/^aws_iam_role_policy\.orders_RolePolicy_/)],
      }),
    );
    expect(only(json, 'aws_sqs_queue')).toEqual(expect.objectContaining({ sqs_managed_sse_enabled: true, message_retention_seconds: 1209600 }));
    expect(policyOf(json)).toContainEqual({
      Sid: 'SendFailedEvents',
      Effect: 'Allow',
      Action: 'sqs:SendMessage',
      Resource: expect.stringMatching(ref('aws_sqs_queue', 'async_DeadLetterQueue', 'arn')),
    });
    expect(async.deadLetterQueue).toBeInstanceOf(SqsQueue);
    expect(async.bufferQueue).toBeUndefined();
  });

  test('defaults: 2 retries, 21600 s, unqualified function', () => {
    const { stack, fn } = setup();
    new aws.AsyncWithDeadLetter(stack, 'async', { function: fn });
    const config = only(synth(stack), 'aws_lambda_function_event_invoke_config');
    expect(config.maximum_retry_attempts).toBe(2);
    expect(config.maximum_event_age_in_seconds).toBe(21600);
    expect(config.qualifier).toBeUndefined();
  });

  test('a failure-handling function and a success queue: lambda:InvokeFunction and sqs:SendMessage on exactly those ARNs', () => {
    const { stack, fn } = setup();
    const handler = new aws.LayeredFunction(stack, 'failures', { functionName: 'failures', runtime: 'nodejs22.x', handler: 'index.handler', code });
    const results = new SqsQueue(stack, 'results', { sqsManagedSseEnabled: true });
    const async = new aws.AsyncWithDeadLetter(stack, 'async', { function: fn, qualifier: '3', onFailure: handler, onSuccess: results });
    const json = synth(stack);
    expect(only(json, 'aws_lambda_function_event_invoke_config')).toEqual(
      expect.objectContaining({
        qualifier: '3',
        destination_config: {
          on_failure: { destination: main('aws_lambda_function', 'failures', 'arn') },
          on_success: { destination: expect.stringMatching(/^\$\{aws_sqs_queue\.results\.arn\}$/) },
        },
      }),
    );
    const policy = policyOf(json);
    expect(policy).toContainEqual({
      Sid: 'SendFailedEvents',
      Effect: 'Allow',
      Action: 'lambda:InvokeFunction',
      Resource: main('aws_lambda_function', 'failures', 'arn'),
    });
    expect(policy).toContainEqual({ Sid: 'SendSuccessfulResults', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '${aws_sqs_queue.results.arn}' });
    expect(async.deadLetterQueue).toBeUndefined();
    expect(Object.keys(resources(json, 'aws_sqs_queue'))).toEqual(['results']);
  });

  test('a failure-handling function with a buffer: failures go to the function, the buffer redrives to a created DLQ', () => {
    const { stack, fn } = setup();
    const handler = new aws.LayeredFunction(stack, 'failures', { functionName: 'failures', runtime: 'nodejs22.x', handler: 'index.handler', code });
    const async = new aws.AsyncWithDeadLetter(stack, 'async', { function: fn, onFailure: handler, buffer: {} });
    const json = synth(stack);
    expect(only(json, 'aws_lambda_function_event_invoke_config').destination_config.on_failure.destination).toBe(
      main('aws_lambda_function', 'failures', 'arn'),
    );
    const buffer = Object.entries<any>(resources(json, 'aws_sqs_queue')).find(([k]) => k.startsWith('async_BufferQueue'))![1];
    expect(JSON.parse(buffer.redrive_policy).deadLetterTargetArn).toMatch(ref('aws_sqs_queue', 'async_DeadLetterQueue', 'arn'));
    expect(policyOf(json).map((s) => s.Sid)).toEqual(['WriteLogs', 'SendFailedEvents', 'ConsumeBufferQueue']);
    expect(async.deadLetterQueue).toBeInstanceOf(SqsQueue);
  });

  test('buffer: encrypted queue, redrive to the DLQ, 6 × timeout visibility, mapping on the alias, consume rights on the buffer only', () => {
    const { stack, fn } = setup(20);
    const live = new aws.CanaryAlias(stack, 'live', { function: fn, stableVersion: '1', canaryWeight: 0.05 });
    const async = new aws.AsyncWithDeadLetter(stack, 'async', {
      function: fn,
      qualifier: live,
      buffer: { batchSize: 100, maxBatchingWindow: 5, maxConcurrency: 50, maxReceiveCount: 4 },
    });
    const json = synth(stack);
    const queues = resources(json, 'aws_sqs_queue');
    const buffer = Object.entries(queues).find(([k]) => k.startsWith('async_BufferQueue'))![1];
    expect(buffer).toEqual(expect.objectContaining({ sqs_managed_sse_enabled: true, visibility_timeout_seconds: 125, message_retention_seconds: 345600 }));
    expect(JSON.parse(buffer.redrive_policy)).toEqual({
      deadLetterTargetArn: expect.stringMatching(ref('aws_sqs_queue', 'async_DeadLetterQueue', 'arn')),
      maxReceiveCount: 4,
    });
    expect(only(json, 'aws_lambda_event_source_mapping')).toEqual(
      expect.objectContaining({
        event_source_arn: expect.stringMatching(ref('aws_sqs_queue', 'async_BufferQueue', 'arn')),
        function_name: main('aws_lambda_alias', 'live', 'arn'),
        batch_size: 100,
        maximum_batching_window_in_seconds: 5,
        scaling_config: { maximum_concurrency: 50 },
        function_response_types: ['ReportBatchItemFailures'],
        depends_on: [expect.stringMatching(/^aws_iam_role_policy\.orders_RolePolicy_/)],
      }),
    );
    const policy = policyOf(json);
    expect(policy).toContainEqual({
      Sid: 'ConsumeBufferQueue',
      Effect: 'Allow',
      Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
      Resource: expect.stringMatching(ref('aws_sqs_queue', 'async_BufferQueue', 'arn')),
    });
    // Nothing in the policy is granted on a wildcard resource.
    for (const s of policy) for (const r of [s.Resource].flat()) expect(r).not.toBe('*');
    expect(async.bufferQueue).toBeInstanceOf(SqsQueue);
    expect(expressionOf(stack, async.bufferQueueUrl)).toMatch(/^\$\{aws_sqs_queue\.async_BufferQueue_[0-9A-F]+\.url\}$/);
    expect(expressionOf(stack, async.bufferQueueName)).toMatch(/^\$\{aws_sqs_queue\.async_BufferQueue_[0-9A-F]+\.name\}$/);
  });

  test('an existing dead-letter queue and an existing function with its role', () => {
    const { stack } = awsStack();
    const legacy = aws.FunctionBase.fromFunctionAttributes(stack, 'legacy', {
      functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:legacy',
      roleName: 'legacy-role',
      timeout: 60,
    });
    const dlq = { arn: 'arn:aws:sqs:eu-west-1:123456789012:legacy-dlq', retention: 86400 };
    new aws.AsyncWithDeadLetter(stack, 'async', { function: legacy, deadLetterQueue: dlq, maxEventAge: 3600 });
    const json = synth(stack);
    expect(resources(json, 'aws_sqs_queue')).toEqual({});
    const policy = only(json, 'aws_iam_role_policy');
    expect(policy.role).toBe('legacy-role');
    expect(statements(policy.policy)).toEqual([
      { Sid: 'SendFailedEvents', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:eu-west-1:123456789012:legacy-dlq' },
    ]);
    expect(only(json, 'aws_lambda_function_event_invoke_config').depends_on).toEqual([expect.stringMatching(/^aws_iam_role_policy\.legacy_RolePolicy_/)]);
  });

  test('an existing function without a role name cannot be granted, and says so', () => {
    const { stack } = awsStack();
    const legacy = aws.FunctionBase.fromFunctionAttributes(stack, 'legacy', { functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:legacy' });
    expect(() => new aws.AsyncWithDeadLetter(stack, 'async', { function: legacy })).toThrow(
      "[test/legacy] roleName must be given so that SendFailedEvents (sqs:SendMessage) can be granted to the function's role, got nothing",
    );
  });

  describe('bad input', () => {
    test.each([
      [{ retryAttempts: 3 }, 'retryAttempts must be an integer between 0 and 2, got 3'],
      [{ retryAttempts: -1 }, 'retryAttempts must be an integer between 0 and 2, got -1'],
      [{ maxEventAge: 59 }, 'maxEventAge must be an integer between 60 and 21600 s, got 59'],
      [{ maxEventAge: 21601 }, 'maxEventAge must be an integer between 60 and 21600 s, got 21601'],
      [{ buffer: { batchSize: 0 } }, 'buffer.batchSize must be an integer between 1 and 10000, got 0'],
      [{ buffer: { batchSize: 10001, maxBatchingWindow: 1 } }, 'buffer.batchSize must be an integer between 1 and 10000, got 10001'],
      [{ buffer: { batchSize: 11 } }, 'buffer.batchSize must be at most 10 unless buffer.maxBatchingWindow is set, got 11'],
      [{ buffer: { maxBatchingWindow: 301 } }, 'buffer.maxBatchingWindow must be an integer between 0 and 300 s, got 301'],
      [{ buffer: { maxConcurrency: 1 } }, 'buffer.maxConcurrency must be an integer between 2 and 1000, got 1'],
      [{ buffer: { maxConcurrency: 1001 } }, 'buffer.maxConcurrency must be an integer between 2 and 1000, got 1001'],
      [{ buffer: { visibilityTimeout: 5 } }, 'buffer.visibilityTimeout must be at least the function timeout (10 s; 6 × is recommended: 60 s), got 5'],
      [{ buffer: { retention: 3600 }, maxEventAge: 3600 }, 'buffer.retention must be longer than maxEventAge (3600 s), got 3600'],
      [
        { deadLetterRetention: 600, maxEventAge: 3600 },
        'deadLetterRetention must be at least maxEventAge (3600 s), so no event expires in the queue before it could be read, got 600',
      ],
      [
        { deadLetterQueue: { arn: 'arn:aws:sqs:eu-west-1:123456789012:q', retention: 600 } },
        'deadLetterQueue retention must be at least maxEventAge (21600 s), so no event expires in the queue before it could be delivered, got 600',
      ],
    ])('%j is refused', (props, message) => {
      const { stack, fn } = setup();
      expect(() => new aws.AsyncWithDeadLetter(stack, 'async', { function: fn, ...props })).toThrow(`[test/async] ${message}`);
    });

    test('a given SQS queue with a short retention', () => {
      const { stack, fn } = setup();
      const dlq = new SqsQueue(stack, 'dlq', { messageRetentionSeconds: 300 });
      expect(() => new aws.AsyncWithDeadLetter(stack, 'async', { function: fn, deadLetterQueue: dlq, maxEventAge: 600 })).toThrow(
        '[test/async] deadLetterQueue retention must be at least maxEventAge (600 s), so no event expires in the queue before it could be delivered, got 300',
      );
    });

    test('the on-failure target being the function itself', () => {
      const { stack, fn } = setup();
      expect(() => new aws.AsyncWithDeadLetter(stack, 'async', { function: fn, onFailure: fn })).toThrow(
        '[test/async] onFailure must be a function other than the one invoked (its failures would loop back into it), got "test/orders"',
      );
    });
  });
});

test('two async configurations on one function (one per qualifier) each get their grant', () => {
  const { stack, fn } = setup();
  const live = new aws.CanaryAlias(stack, 'live', { function: fn });
  new aws.AsyncWithDeadLetter(stack, 'on-alias', { function: fn, qualifier: live });
  new aws.AsyncWithDeadLetter(stack, 'unqualified', { function: fn });
  const json = synth(stack);
  const configs = Object.values<any>(resources(json, 'aws_lambda_function_event_invoke_config'));
  expect(configs.map((c) => c.qualifier)).toEqual(['${aws_lambda_alias.live.name}', undefined]);
  const sends = policyOf(json).filter((s) => s.Action === 'sqs:SendMessage');
  expect(sends.map((s) => s.Sid)).toEqual(['SendFailedEvents', 'SendFailedEvents2']);
  expect(new Set(sends.map((s) => s.Resource)).size).toBe(2);
});

test('any IDestination: an SNS topic for successes grants exactly sns:Publish on it', () => {
  const { stack, fn } = setup();
  const topicArn = 'arn:aws:sns:eu-west-1:123456789012:results';
  const topic: aws.IDestination = {
    bind: (target, sid) => {
      target.addToRolePolicy({ sid, actions: ['sns:Publish'], resources: [topicArn] });
      return topicArn;
    },
  };
  new aws.AsyncWithDeadLetter(stack, 'async', { function: fn, onSuccess: topic });
  const json = synth(stack);
  expect(only(json, 'aws_lambda_function_event_invoke_config').destination_config.on_success).toEqual({ destination: topicArn });
  expect(policyOf(json)).toContainEqual({ Sid: 'SendSuccessfulResults', Effect: 'Allow', Action: 'sns:Publish', Resource: topicArn });
});
