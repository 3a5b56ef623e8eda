import { Construct } from 'constructs';
import { fail } from '../../core/validation';
import { Fcv3Trigger } from '../../generated/alicloud/fcv3-trigger';

/** What an MNS queue driving a function needs. */
export interface QueueSource {
  readonly functionName: string;
  /** Alias name (as a reference) or "LATEST". */
  readonly qualifier: string;
  readonly triggerName: string;
  readonly description: string;
  readonly region: string;
  readonly queueName: string;
  readonly batchSize: number;
  readonly maxBatchingWindow?: number;
  /** MNS ARN of the queue exhausted messages go to; without one, failed messages stay in the stream. */
  readonly deadLetterArn?: string;
}

/**
 * An MNS queue feeding a function through EventBridge (there is no "mns_queue" trigger type). The
 * shape is FC 3.0's EventBridgeTriggerConfig (API 2023-03-30) with only the fields it documents
 * (https://help.aliyun.com/zh/functioncompute/fc/developer-reference/api-fc-2023-03-30-struct-eventbridgetriggerconfig,
 * ...-struct-runoptions, ...-struct-deliveryoption): RunOptions is batchWindow, deadLetterQueue,
 * errorsTolerance, mode and retryStrategy (no maximumTasks); DeliveryOption is concurrency and
 * eventSchema (no mode). Batching needs the event-streaming mode (event-driven mode does not support
 * a batch window). With a dead-letter queue, errors are tolerated so one bad message cannot stall
 * the stream and exhausted messages go there (without deadLetterQueue EventBridge would discard
 * them); without one, nothing is dropped. The DLQ is named by its MNS resource ARN
 * (acs:mns:<region>:<account>:/queues/<name>, the ":/" form of the MNS RAM ARN; FC 3.0's
 * DeadLetterQueue example is the same form for RocketMQ, acs:mq:<region>:<account>:/instances/...).
 */
export function queueSource(scope: Construct, id: string, source: QueueSource): Fcv3Trigger {
  return new Fcv3Trigger(scope, id, {
    functionName: source.functionName,
    triggerName: source.triggerName,
    triggerType: 'eventbridge',
    qualifier: source.qualifier,
    description: source.description,
    triggerConfig: JSON.stringify({
      triggerEnable: true,
      // FC 3.0 EventBridgeTriggerConfig.asyncInvocationType: "The method used by the trigger to
      // invoke the function. Valid values: true: synchronous call. false: asynchronous invocation.
      // Default value: false" (api-fc-2023-03-30-struct-eventbridgetriggerconfig, updated
      // 2026-02-09; the same text in the FC20230330 SDK model). Synchronous, so EventBridge sees a
      // failed invocation and its retry strategy and dead-letter queue apply; asynchronously FC would
      // accept every event and failures would never reach them.
      asyncInvocationType: true,
      eventSourceConfig: {
        eventSourceType: 'MNS',
        eventSourceParameters: { sourceMNSParameters: { RegionId: source.region, QueueName: source.queueName, IsBase64Decode: false } },
      },
      // Every message of the queue.
      eventRuleFilterPattern: '{}',
      eventSinkConfig: { deliveryOption: { eventSchema: 'CloudEvents' } },
      runOptions: {
        mode: 'event-streaming',
        batchWindow: { CountBasedWindow: source.batchSize, TimeBasedWindow: source.maxBatchingWindow ?? 0 },
        retryStrategy: { PushRetryStrategy: 'BACKOFF_RETRY' },
        errorsTolerance: source.deadLetterArn ? 'ALL' : 'NONE',
        deadLetterQueue: source.deadLetterArn ? { Arn: source.deadLetterArn } : undefined,
      },
    }),
  });
}

/**
 * FC 3.0 has no concurrency setting for an MNS source: RunOptions has no maximumTasks and
 * DeliveryOption.concurrency is "only valid when ApsaraMQ for Kafka is the event source"
 * (api-fc-2023-03-30-struct-deliveryoption). A given maxConcurrency is refused rather than dropped.
 */
export function refuseConcurrency(scope: Construct, prop: string, value: number | undefined): void {
  if (value === undefined) return;
  fail(
    scope,
    prop,
    'left out on FC3: FC 3.0 offers no concurrency limit for an MNS queue source (RunOptions has no maximumTasks; DeliveryOption.concurrency applies to Kafka sources only)',
    value,
  );
}
