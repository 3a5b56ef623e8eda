import { TerraformStack, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { alicloud, aws } from '../lib';
import { MessageServiceQueue } from '../lib/generated/alicloud/message-service-queue';
import { conformanceErrors, loadSchema } from './conformance';
import { makeFolder, only, resources, statements, synth } from './helpers';

const REFUSE =
  'left out on FC3: FC 3.0 offers no concurrency limit for an MNS queue source (RunOptions has no maximumTasks; DeliveryOption.concurrency applies to Kafka sources only)';

// QueueTrigger: a queue invokes a function or its alias in batches, with exactly the grants the
// cloud needs, after them.

const code = makeFolder({ 'index.js': 'exports.handler = async () => 1;' }, 'queue-trigger-code');

describe('aws.QueueTrigger', () => {
  function setup(timeout = 10) {
    const stack = new TerraformStack(Testing.app(), 'test');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    const fn = new aws.LayeredFunction(stack, 'worker', { functionName: 'worker', runtime: 'nodejs22.x', handler: 'index.handler', code, timeout });
    return { stack, fn };
  }

  test('an SQS queue drives the alias: mapping on the alias ARN, the role may consume that queue only, the mapping waits for the grant', () => {
    const { stack, fn } = setup();
    const jobs = new SqsQueue(stack, 'jobs', { visibilityTimeoutSeconds: 60, sqsManagedSseEnabled: true });
    const live = new aws.CanaryAlias(stack, 'live', { function: fn });
    new aws.QueueTrigger(stack, 'jobs-trigger', { function: fn, qualifier: live, queue: jobs, batchSize: 50, maxBatchingWindow: 5, maxConcurrency: 20 });
    const json = synth(stack);
    expect(only(json, 'aws_lambda_event_source_mapping')).toEqual({
      event_source_arn: '${aws_sqs_queue.jobs.arn}',
      function_name: '${aws_lambda_alias.live.arn}',
      batch_size: 50,
      maximum_batching_window_in_seconds: 5,
      scaling_config: { maximum_concurrency: 20 },
      function_response_types: ['ReportBatchItemFailures'],
      depends_on: [expect.stringMatching(/^aws_iam_role_policy\.worker_RolePolicy_[0-9A-F]{8}$/)],
    });
    expect(statements(only(json, 'aws_iam_role_policy').policy).find((s: any) => s.Sid === 'ConsumeQueue')).toEqual({
      Sid: 'ConsumeQueue',
      Effect: 'Allow',
      Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
      Resource: '${aws_sqs_queue.jobs.arn}',
    });
    expect(conformanceErrors(json, loadSchema('aws.json'), 'aws_')).toEqual([]);
  });

  test('an existing queue by ARN drives the function itself', () => {
    const { stack, fn } = setup();
    new aws.QueueTrigger(stack, 'jobs', { function: fn, queue: { arn: 'arn:aws:sqs:eu-west-1:123456789012:jobs' } });
    expect(only(synth(stack), 'aws_lambda_event_source_mapping')).toEqual(
      expect.objectContaining({
        event_source_arn: 'arn:aws:sqs:eu-west-1:123456789012:jobs',
        function_name: '${aws_lambda_function.worker.arn}',
        batch_size: 10,
      }),
    );
  });

  test.each([
    [{ batchSize: 11 }, 'batchSize must be at most 10 unless maxBatchingWindow is set, got 11'],
    [{ batchSize: 10001, maxBatchingWindow: 1 }, 'batchSize must be an integer between 1 and 10000, got 10001'],
    [{ maxBatchingWindow: 301 }, 'maxBatchingWindow must be an integer between 0 and 300 s, got 301'],
    [{ maxConcurrency: 1 }, 'maxConcurrency must be an integer between 2 and 1000, got 1'],
  ])('%j is refused', (props, message) => {
    const { stack, fn } = setup();
    expect(() => new aws.QueueTrigger(stack, 'jobs', { function: fn, queue: { arn: 'arn:aws:sqs:eu-west-1:123456789012:jobs' }, ...props })).toThrow(
      `[test/jobs] ${message}`,
    );
  });

  test('a queue whose visibility timeout is shorter than the function timeout is refused, as Lambda refuses it', () => {
    const { stack, fn } = setup(60);
    const jobs = new SqsQueue(stack, 'queue', {});
    expect(() => new aws.QueueTrigger(stack, 'jobs', { function: fn, queue: jobs })).toThrow(
      '[test/jobs] queue must be a queue whose visibility timeout is at least the function timeout (60 s; Lambda refuses a shorter one), got "visibility timeout 30 s"',
    );
  });

  test('an alias of another function is refused', () => {
    const { stack, fn } = setup();
    const other = new aws.LayeredFunction(stack, 'other', { functionName: 'other', runtime: 'nodejs22.x', handler: 'index.handler', code });
    const live = new aws.CanaryAlias(stack, 'live', { function: other });
    expect(() => new aws.QueueTrigger(stack, 'jobs', { function: fn, qualifier: live, queue: { arn: 'arn:aws:sqs:eu-west-1:123456789012:jobs' } })).toThrow(
      '[test/jobs] qualifier must be an alias of the function test/worker, got "test/live"',
    );
  });
});

describe('alicloud.QueueTrigger', () => {
  function setup() {
    const stack = new TerraformStack(Testing.app(), 'test');
    new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou', accountId: '1234567890123456' });
    const fn = new alicloud.LayeredFunction(stack, 'worker', { functionName: 'worker', runtime: 'nodejs20', handler: 'index.handler', code });
    return { stack, fn };
  }

  test('an MNS queue drives the alias through EventBridge in event-streaming mode; exhausted messages go to the dead-letter queue', () => {
    const { stack, fn } = setup();
    const jobs = new MessageServiceQueue(stack, 'jobs', { queueName: 'jobs' });
    const live = new alicloud.CanaryAlias(stack, 'live', { function: fn });
    new alicloud.QueueTrigger(stack, 'jobs-trigger', {
      function: fn,
      qualifier: live,
      queue: jobs,
      deadLetterQueue: { queueName: 'jobs-dlq' },
      batchSize: 20,
      maxBatchingWindow: 3,
    });
    const json = synth(stack);
    const trigger = only(json, 'alicloud_fcv3_trigger');
    expect(trigger).toEqual(
      expect.objectContaining({
        function_name: '${alicloud_fcv3_function.worker.function_name}',
        qualifier: '${alicloud_fcv3_alias.live.alias_name}',
        trigger_type: 'eventbridge',
      }),
    );
    expect(JSON.parse(trigger.trigger_config)).toEqual(
      expect.objectContaining({
        eventSourceConfig: {
          eventSourceType: 'MNS',
          eventSourceParameters: {
            sourceMNSParameters: { RegionId: 'cn-hangzhou', QueueName: '${alicloud_message_service_queue.jobs.queue_name}', IsBase64Decode: false },
          },
        },
        // Synchronous (FC 3.0: "true: synchronous call"), so EventBridge's retries and dead letter see failures.
        asyncInvocationType: true,
        // Only what FC 3.0's DeliveryOption documents (concurrency, eventSchema): no FC 2.0 "mode".
        eventSinkConfig: { deliveryOption: { eventSchema: 'CloudEvents' } },
        runOptions: {
          mode: 'event-streaming',
          batchWindow: { CountBasedWindow: 20, TimeBasedWindow: 3 },
          retryStrategy: { PushRetryStrategy: 'BACKOFF_RETRY' },
          errorsTolerance: 'ALL',
          deadLetterQueue: { Arn: 'acs:mns:cn-hangzhou:1234567890123456:/queues/jobs-dlq' },
        },
      }),
    );
    expect(resources(json, 'alicloud_ram_policy')).toEqual({});
    expect(conformanceErrors(json, loadSchema('alicloud.json'), 'alicloud_')).toEqual([]);
  });

  test('without a dead-letter queue nothing is dropped: errors are not tolerated', () => {
    const { stack, fn } = setup();
    new alicloud.QueueTrigger(stack, 'jobs', { function: fn, queue: { queueName: 'jobs' } });
    const trigger = only(synth(stack), 'alicloud_fcv3_trigger');
    expect(trigger.qualifier).toBe('LATEST');
    expect(JSON.parse(trigger.trigger_config).runOptions).toEqual({
      mode: 'event-streaming',
      batchWindow: { CountBasedWindow: 10, TimeBasedWindow: 0 },
      retryStrategy: { PushRetryStrategy: 'BACKOFF_RETRY' },
      errorsTolerance: 'NONE',
    });
  });

  test('the trigger config carries only the fields FC 3.0 documents', () => {
    const { stack, fn } = setup();
    new alicloud.QueueTrigger(stack, 'jobs', { function: fn, queue: { queueName: 'jobs' }, deadLetterQueue: { queueName: 'dlq' } });
    const config = JSON.parse(only(synth(stack), 'alicloud_fcv3_trigger').trigger_config);
    expect(Object.keys(config).sort()).toEqual([
      'asyncInvocationType',
      'eventRuleFilterPattern',
      'eventSinkConfig',
      'eventSourceConfig',
      'runOptions',
      'triggerEnable',
    ]);
    expect(Object.keys(config.runOptions).sort()).toEqual(['batchWindow', 'deadLetterQueue', 'errorsTolerance', 'mode', 'retryStrategy']);
    expect(Object.keys(config.eventSinkConfig.deliveryOption)).toEqual(['eventSchema']);
  });

  test.each([
    [{ maxConcurrency: 5 }, `maxConcurrency must be ${REFUSE}, got 5`],
    [{ maxConcurrency: 0 }, `maxConcurrency must be ${REFUSE}, got 0`],
    [{ batchSize: 0 }, 'batchSize must be an integer between 1 and 10000, got 0'],
  ])('%j is refused', (props, message) => {
    const { stack, fn } = setup();
    expect(() => new alicloud.QueueTrigger(stack, 'jobs', { function: fn, queue: { queueName: 'jobs' }, ...props })).toThrow(`[test/jobs] ${message}`);
  });
});
