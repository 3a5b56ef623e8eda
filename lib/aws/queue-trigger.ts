import { Construct } from 'constructs';
import { LambdaEventSourceMapping } from '@cdktf/provider-aws/lib/lambda-event-source-mapping';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { BatchingOptions, checkBatching } from '../core/async';
import { attachToFunction } from '../core/private/trigger';
import { fail, isToken } from '../core/validation';
import { IQueue } from './destination';
import { TriggerTargetProps } from './trigger-target';
import { queueSource } from './private/queue-source';

export interface QueueTriggerProps extends BatchingOptions, TriggerTargetProps {
  /** The queue: an `aws_sqs_queue` of this program, or an existing one by ARN (`{ arn }`). */
  readonly queue: SqsQueue | IQueue;
}

/**
 * An SQS queue that invokes a function (or its alias, so the canary split applies to its
 * messages) with batches: `aws_lambda_event_source_mapping` with partial batch failures reported,
 * after the function's role may receive, delete and read the attributes of that one queue.
 */
export class QueueTrigger extends Construct {
  public readonly cloud = 'aws' as const;
  /** The event source mapping. */
  public readonly eventSourceMapping: LambdaEventSourceMapping;

  constructor(scope: Construct, id: string, props: QueueTriggerProps) {
    super(scope, id);
    attachToFunction(this, props);
    // CreateEventSourceMapping limits (Lambda API reference): SQS batches 1-10000, more than 10
    // only with a batching window; ScalingConfig.MaximumConcurrency 2-1000.
    checkBatching(this, '', props, { concurrencyMin: 2, concurrencyMax: 1000, windowAbove10: true });
    // Lambda refuses a queue whose visibility timeout is shorter than the function's timeout
    // (CreateEventSourceMapping: "Queue visibility timeout: 30 seconds is less than Function timeout:
    // 60 seconds", as reported in hashicorp/terraform-provider-aws issue 18099).
    if (props.queue instanceof SqsQueue) {
      const visibility = props.queue.visibilityTimeoutSecondsInput ?? 30;
      const timeout = props.function.timeoutSeconds ?? 3;
      if (!isToken(visibility) && visibility < timeout) {
        fail(
          this,
          'queue',
          `a queue whose visibility timeout is at least the function timeout (${timeout} s; Lambda refuses a shorter one)`,
          `visibility timeout ${visibility} s`,
        );
      }
    }
    this.eventSourceMapping = queueSource(this, 'Default', {
      function: props.function,
      target: props.qualifier ? props.qualifier.arn : props.function.arn,
      queueArn: props.queue.arn,
      sid: 'ConsumeQueue',
      batchSize: props.batchSize ?? 10,
      maxBatchingWindow: props.maxBatchingWindow,
      maxConcurrency: props.maxConcurrency,
    });
  }
}
