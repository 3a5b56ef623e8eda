import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { LambdaEventSourceMapping } from '@cdktf/provider-aws/lib/lambda-event-source-mapping';
import type { IFunction } from '../function';

/** What a queue-driven invocation needs: the function's role may read the queue, then the mapping. */
export interface QueueSource {
  readonly function: IFunction;
  /** The function's or the alias's ARN: what the mapping invokes. */
  readonly target: string;
  readonly queueArn: string;
  readonly sid: string;
  readonly batchSize: number;
  readonly maxBatchingWindow?: number;
  readonly maxConcurrency?: number;
}

/**
 * An SQS queue driving a function: `sqs:ReceiveMessage`, `sqs:DeleteMessage` and
 * `sqs:GetQueueAttributes` on that queue in the function's role (Lambda checks them when it
 * creates the mapping, which therefore depends on the policy), and the event source mapping with
 * partial batch failures reported.
 */
export function queueSource(scope: Construct, id: string, source: QueueSource): LambdaEventSourceMapping {
  const fn = source.function;
  fn.addToRolePolicy({ sid: source.sid, actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], resources: [source.queueArn] });
  const dependencies: ITerraformDependable[] = fn.policyDependency ? [fn.policyDependency] : [];
  return new LambdaEventSourceMapping(scope, id, {
    eventSourceArn: source.queueArn,
    functionName: source.target,
    batchSize: source.batchSize,
    maximumBatchingWindowInSeconds: source.maxBatchingWindow,
    scalingConfig: source.maxConcurrency !== undefined ? { maximumConcurrency: source.maxConcurrency } : undefined,
    functionResponseTypes: ['ReportBatchItemFailures'],
    dependsOn: dependencies,
  });
}
