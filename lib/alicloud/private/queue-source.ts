import { Construct } from 'constructs';
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
  readonly maxConcurrency?: number;
  /** MNS ARN of the queue exhausted messages go to; without one, failed messages stay in the stream. */
  readonly deadLetterArn?: string;
}

/**
 * An MNS queue feeding a function through EventBridge (there is no "mns_queue" trigger type). The
 * shape follows FC's EventBridgeTriggerConfig and RunOptions (API 2023-03-30): batching needs the
 * event-streaming mode (event-driven mode does not support a batch window). With a dead-letter
 * queue, errors are tolerated so one bad message cannot stall the stream and exhausted messages go
 * there (without deadLetterQueue EventBridge would discard them); without one, nothing is dropped.
 * The DLQ is named by its MNS resource ARN (acs:mns:<region>:<account>:/queues/<name>).
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
      asyncInvocationType: false,
      eventSourceConfig: {
        eventSourceType: 'MNS',
        eventSourceParameters: { sourceMNSParameters: { RegionId: source.region, QueueName: source.queueName, IsBase64Decode: false } },
      },
      // Every message of the queue.
      eventRuleFilterPattern: '{}',
      eventSinkConfig: { deliveryOption: { mode: 'event-streaming', eventSchema: 'CloudEvents' } },
      runOptions: {
        mode: 'event-streaming',
        maximumTasks: source.maxConcurrency,
        batchWindow: { CountBasedWindow: source.batchSize, TimeBasedWindow: source.maxBatchingWindow ?? 0 },
        retryStrategy: { PushRetryStrategy: 'BACKOFF_RETRY' },
        errorsTolerance: source.deadLetterArn ? 'ALL' : 'NONE',
        deadLetterQueue: source.deadLetterArn ? { Arn: source.deadLetterArn } : undefined,
      },
    }),
  });
}
