import { alicloud } from '../lib';
import { only, resources, synth } from './helpers';
import { code, conforms, fcStack, fn } from './alicloud-helpers';

describe('alicloud.AsyncWithDeadLetter', () => {
  const MNS = (id: string) =>
    new RegExp(
      `^acs:mns:cn-hangzhou:\\$\\{local\\.ServerlessAccountId\\}:/queues/\\$\\{alicloud_message_service_queue\\.${id}_[0-9A-F]+\\.queue_name\\}/messages$`,
    );

  test('retries, event age, failures to a created MNS queue, mns:SendMessage on that queue only', () => {
    const stack = fcStack();
    const f = fn(stack);
    const async = new alicloud.AsyncWithDeadLetter(stack, 'async', { function: f, retryAttempts: 5, maxEventAge: 7200 });
    const json = synth(stack);
    const config = only(json, 'alicloud_fcv3_async_invoke_config');
    expect(config.qualifier).toBeUndefined();
    expect(config).toEqual(
      expect.objectContaining({
        function_name: '${alicloud_fcv3_function.orders.function_name}',
        max_async_retry_attempts: 5,
        max_async_event_age_in_seconds: 7200,
        destination_config: { on_failure: { destination: expect.stringMatching(MNS('async_DeadLetterQueue')) } },
        depends_on: [expect.stringMatching(/^alicloud_ram_role_policy_attachment\.orders_RolePolicyAttachment_/)],
      }),
    );
    expect(only(json, 'alicloud_message_service_queue')).toEqual({
      queue_name: expect.stringMatching(/^test-async-[0-9a-f]{8}-dlq$/),
      message_retention_period: 604800,
    });
    expect(JSON.parse(only(json, 'alicloud_ram_policy').policy_document).Statement).toEqual([
      { Effect: 'Allow', Action: ['mns:SendMessage'], Resource: [expect.stringMatching(MNS('async_DeadLetterQueue'))] },
    ]);
    expect(async.deadLetterQueue).toBeDefined();
    conforms(json);
  });

  test('defaults: 3 retries, 86400 s', () => {
    const stack = fcStack();
    new alicloud.AsyncWithDeadLetter(stack, 'async', { function: fn(stack) });
    const config = only(synth(stack), 'alicloud_fcv3_async_invoke_config');
    expect(config.max_async_retry_attempts).toBe(3);
    expect(config.max_async_event_age_in_seconds).toBe(86400);
    expect(config.qualifier).toBeUndefined();
  });

  test('a failure-handling function: fc:InvokeFunction on it; no queue', () => {
    const stack = fcStack();
    const f = fn(stack);
    const handler = new alicloud.LayeredFunction(stack, 'failures', { functionName: 'failures', runtime: 'nodejs20', handler: 'index.handler', code });
    new alicloud.AsyncWithDeadLetter(stack, 'async', { function: f, onFailure: handler });
    const json = synth(stack);
    const arn = 'acs:fc:cn-hangzhou:${local.ServerlessAccountId}:functions/${alicloud_fcv3_function.failures.function_name}';
    expect(only(json, 'alicloud_fcv3_async_invoke_config').destination_config).toEqual({ on_failure: { destination: arn } });
    expect(JSON.parse(only(json, 'alicloud_ram_policy').policy_document).Statement).toEqual([
      { Effect: 'Allow', Action: ['fc:InvokeFunction'], Resource: [arn] },
    ]);
    expect(resources(json, 'alicloud_message_service_queue')).toEqual({});
  });

  test('buffer: an MNS queue with redrive to the DLQ, fed to the function by an EventBridge trigger', () => {
    const stack = fcStack();
    const f = fn(stack, { timeout: 20 });
    new alicloud.AsyncWithDeadLetter(stack, 'async', { function: f, buffer: { batchSize: 20, maxReceiveCount: 5 } });
    const json = synth(stack);
    const buffer = Object.entries<any>(resources(json, 'alicloud_message_service_queue')).find(([k]) => k.startsWith('async_BufferQueue'))![1];
    expect(buffer).toEqual(
      expect.objectContaining({
        visibility_timeout: 120,
        message_retention_period: 345600,
        dlq_policy: {
          enabled: true,
          max_receive_count: 5,
          dead_letter_target_queue: expect.stringMatching(/^\$\{alicloud_message_service_queue\.async_DeadLetterQueue_[0-9A-F]+\.queue_name\}$/),
        },
      }),
    );
    const trigger = only(json, 'alicloud_fcv3_trigger');
    expect(trigger).toEqual(
      expect.objectContaining({ trigger_type: 'eventbridge', qualifier: 'LATEST', function_name: '${alicloud_fcv3_function.orders.function_name}' }),
    );
    const config = JSON.parse(trigger.trigger_config);
    expect(config.eventSourceConfig).toEqual({
      eventSourceType: 'MNS',
      eventSourceParameters: { sourceMNSParameters: { RegionId: 'cn-hangzhou', QueueName: expect.stringMatching(/async_BufferQueue/), IsBase64Decode: false } },
    });
    // Batching needs the event-streaming mode; failed messages go to the dead-letter queue, not dropped.
    expect(config.runOptions).toEqual({
      mode: 'event-streaming',
      batchWindow: { CountBasedWindow: 20, TimeBasedWindow: 0 },
      retryStrategy: { PushRetryStrategy: 'BACKOFF_RETRY' },
      errorsTolerance: 'ALL',
      deadLetterQueue: {
        Arn: expect.stringMatching(
          /^acs:mns:cn-hangzhou:\$\{local\.ServerlessAccountId\}:\/queues\/\$\{alicloud_message_service_queue\.async_DeadLetterQueue_[0-9A-F]+\.queue_name\}$/,
        ),
      },
    });
    // FC 3.0's DeliveryOption has no "mode"; the invocation is synchronous so EventBridge sees failures.
    expect(config.eventSinkConfig).toEqual({ deliveryOption: { eventSchema: 'CloudEvents' } });
    expect(config.asyncInvocationType).toBe(true);
    expect(config.eventRuleFilterPattern).toBe('{}');
    conforms(json);
  });

  test('on an alias: the same configuration on LATEST first (the provider reads without the qualifier), the alias one depends on it', () => {
    const stack = fcStack();
    const f = fn(stack);
    const live = new alicloud.CanaryAlias(stack, 'live', { function: f });
    const async = new alicloud.AsyncWithDeadLetter(stack, 'async', { function: f, qualifier: live, retryAttempts: 1, buffer: {} });
    const json = synth(stack);
    const configs = Object.values<any>(resources(json, 'alicloud_fcv3_async_invoke_config'));
    expect(configs).toHaveLength(2);
    const latest = configs.find((c) => c.qualifier === 'LATEST');
    const onAlias = configs.find((c) => c.qualifier === '${alicloud_fcv3_alias.live.alias_name}');
    const { qualifier: _a, depends_on: aliasDeps, ...aliasSettings } = onAlias;
    const { qualifier: _l, depends_on: _d, ...latestSettings } = latest;
    expect(aliasSettings).toEqual(latestSettings);
    expect(aliasSettings).toEqual(expect.objectContaining({ max_async_retry_attempts: 1, max_async_event_age_in_seconds: 86400 }));
    expect(aliasDeps).toContain(`alicloud_fcv3_async_invoke_config.${async.latestInvokeConfig!.friendlyUniqueId}`);
    // Buffered messages follow the alias too.
    expect(only(json, 'alicloud_fcv3_trigger').qualifier).toBe('${alicloud_fcv3_alias.live.alias_name}');
    conforms(json);
  });

  test('on "LATEST" or without a qualifier: one configuration, no twin', () => {
    const stack = fcStack();
    const async = new alicloud.AsyncWithDeadLetter(stack, 'async', { function: fn(stack), qualifier: 'LATEST' });
    expect(Object.keys(resources(synth(stack), 'alicloud_fcv3_async_invoke_config'))).toHaveLength(1);
    expect(async.latestInvokeConfig).toBeUndefined();
  });

  describe('bad input', () => {
    test.each([
      [{ retryAttempts: 9 }, 'retryAttempts must be an integer between 0 and 8, got 9'],
      [{ retryAttempts: -1 }, 'retryAttempts must be an integer between 0 and 8, got -1'],
      [{ maxEventAge: 0 }, 'maxEventAge must be an integer between 1 and 86400 s, got 0'],
      [{ maxEventAge: 86401 }, 'maxEventAge must be an integer between 1 and 86400 s, got 86401'],
      [
        { deadLetterRetention: 3600, maxEventAge: 7200 },
        'deadLetterRetention must be at least maxEventAge (7200 s), so no event expires in the queue before it could be read, got 3600',
      ],
      [
        { deadLetterQueue: { queueName: 'old-dlq', retention: 60 }, maxEventAge: 600 },
        'deadLetterQueue retention must be at least maxEventAge (600 s), so no event expires in the queue before it could be delivered, got 60',
      ],
      [{ buffer: { visibilityTimeout: 2 } }, 'buffer.visibilityTimeout must be at least the function timeout (3 s; 6 × is recommended: 18 s), got 2'],
      [{ buffer: { batchSize: 0 } }, 'buffer.batchSize must be an integer between 1 and 10000, got 0'],
      [{ buffer: { retention: 600 }, maxEventAge: 600 }, 'buffer.retention must be longer than maxEventAge (600 s), got 600'],
    ])('%j is refused', (props, message) => {
      const stack = fcStack();
      const f = fn(stack);
      expect(() => new alicloud.AsyncWithDeadLetter(stack, 'async', { function: f, ...props })).toThrow(`[test/async] ${message}`);
    });

    test('the on-failure function being the function itself, and a second config for the same function', () => {
      const stack = fcStack();
      const f = fn(stack);
      expect(() => new alicloud.AsyncWithDeadLetter(stack, 'self', { function: f, onFailure: f })).toThrow(
        '[test/self] onFailure must be a function other than the one invoked (its failures would loop back into it), got "test/orders"',
      );
      new alicloud.AsyncWithDeadLetter(stack, 'first', { function: f });
      expect(() => new alicloud.AsyncWithDeadLetter(stack, 'second', { function: f })).toThrow(
        '[test/second] function must be a function without another AsyncWithDeadLetter (provider aliyun/alicloud keys the async configuration by function name), got "test/orders"',
      );
    });

    test('a qualifier that is not an alias name or a version is refused', () => {
      const stack = fcStack();
      expect(() => new alicloud.AsyncWithDeadLetter(stack, 'async', { function: fn(stack), qualifier: 'my alias' })).toThrow(
        '[test/async] qualifier must be 1-128 characters of an alias name or a version number (letters, digits, "_" and "-"), got "my alias"',
      );
      const other = fn(stack, { functionName: 'other' }, 'other');
      const live = new alicloud.CanaryAlias(stack, 'live', { function: other });
      expect(() => new alicloud.AsyncWithDeadLetter(stack, 'async2', { function: fn(stack, { functionName: 'f2' }, 'f2'), qualifier: live })).toThrow(
        '[test/async2] qualifier must be an alias of the function test/f2, got "test/live"',
      );
    });
  });
});
