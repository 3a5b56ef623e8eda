import { Construct } from 'constructs';
import { BatchingOptions, checkBatching } from '../core/async';
import { uniqueName } from '../core/private/names';
import { attachToFunction } from '../core/private/trigger';
import { IQueue } from './destination';
import { TriggerTargetProps } from './trigger-target';
import { queueSource, refuseConcurrency } from './private/queue-source';
import { Fcv3Trigger } from '../generated/alicloud/fcv3-trigger';
import { MessageServiceQueue } from '../generated/alicloud/message-service-queue';

export interface QueueTriggerProps extends BatchingOptions, TriggerTargetProps {
  /** The MNS queue: an `alicloud_message_service_queue` of this program, or an existing one by name (`{ queueName }`). */
  readonly queue: MessageServiceQueue | IQueue;
  /** Where messages go once EventBridge's retries are exhausted. @default none: a failing message is retried and holds the stream */
  readonly deadLetterQueue?: MessageServiceQueue | IQueue;
}

/**
 * An MNS queue that invokes a function (or its alias, so the canary split applies to its messages)
 * with batches, through an EventBridge trigger (`alicloud_fcv3_trigger` of type `eventbridge`, the
 * event-streaming mode). EventBridge reads the queue and invokes the function with its own
 * service-linked roles, so the function's role gets nothing.
 */
export class QueueTrigger extends Construct {
  public readonly cloud = 'alicloud' as const;
  /** The EventBridge trigger. */
  public readonly trigger: Fcv3Trigger;

  constructor(scope: Construct, id: string, props: QueueTriggerProps) {
    super(scope, id);
    attachToFunction(this, props);
    // FC's RunOptions: a count- and time-based window; no concurrency for an MNS source (refused).
    refuseConcurrency(this, 'maxConcurrency', props.maxConcurrency);
    checkBatching(this, '', props, { concurrencyMin: 1, concurrencyMax: 300, windowAbove10: false });
    const where = props.function.location;
    this.trigger = queueSource(this, 'Default', {
      functionName: props.function.functionName,
      qualifier: props.qualifier ? props.qualifier.qualifier : 'LATEST',
      // FC trigger names: 1-128 of letters, digits, "_" and "-", unique per function.
      triggerName: uniqueName(this, 128),
      description: `Feeds ${props.function.functionName} from an MNS queue (${this.node.path})`,
      region: where.region,
      queueName: props.queue.queueName,
      batchSize: props.batchSize ?? 10,
      maxBatchingWindow: props.maxBatchingWindow,
      deadLetterArn: props.deadLetterQueue ? `acs:mns:${where.region}:${where.account}:/queues/${props.deadLetterQueue.queueName}` : undefined,
    });
  }
}
