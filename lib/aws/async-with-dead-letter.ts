import { ITerraformDependable, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { LambdaEventSourceMapping } from '@cdktf/provider-aws/lib/lambda-event-source-mapping';
import { LambdaFunctionEventInvokeConfig } from '@cdktf/provider-aws/lib/lambda-function-event-invoke-config';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { AsyncPropsBase, BufferOptionsBase, checkAsyncCommon, checkBuffer, checkNotSelf } from '../core/async';
import { IAsyncWithDeadLetterContract } from '../core/contracts';
import { useProvider } from '../core/private/provider';
import { tagConstruct } from '../core/tags';
import { fail, isToken } from '../core/validation';
import { CanaryAlias } from './canary-alias';
import { destinationOf, IDestination, IQueue } from './destination';
import { IFunction } from './function';
import { AWS_LIMITS } from './limits';
import { queueSource } from './private/queue-source';

/** A queue in front of the function: producers send to it, Lambda polls it in batches. */
export interface BufferOptions extends BufferOptionsBase {
  /** Seconds to gather a batch (0-300); required for batches above 10. @default 0 */
  readonly maxBatchingWindow?: number;
  /** Visibility timeout in seconds; at least the function timeout. @default 6 × the function timeout */
  readonly visibilityTimeout?: number;
}

export interface AsyncWithDeadLetterProps extends AsyncPropsBase {
  /** Provider (region, account) of every resource the construct makes. @default the function's provider */
  readonly provider?: AwsProvider;
  /** The function invoked asynchronously. */
  readonly function: IFunction;
  /** Alias (a CanaryAlias or its name) or version the configuration applies to. @default the unqualified function */
  readonly qualifier?: CanaryAlias | string;
  /** Queue for failed events. @default a new encrypted SQS queue with 14-day retention */
  readonly deadLetterQueue?: SqsQueue | IQueue;
  /** A failure-handling function (or any IDestination) instead of the queue as the on-failure destination. @default the dead-letter queue */
  readonly onFailure?: IFunction | IDestination;
  /** Where successful results go: a queue, a function or any IDestination. @default nowhere */
  readonly onSuccess?: SqsQueue | IQueue | IFunction | IDestination;
  /** A queue in front of the function to absorb bursts. @default none */
  readonly buffer?: BufferOptions;
}

/**
 * Asynchronous invocation with retries and a maximum event age; failed events go to a dead-letter
 * queue (created, encrypted, 14 days) or a failure-handling function; optional success destination;
 * optional buffer queue in front. The function's role gets exactly the permissions these need.
 */
export class AsyncWithDeadLetter extends Construct implements IAsyncWithDeadLetterContract<'aws'> {
  public readonly cloud = 'aws' as const;
  public readonly invokeConfig: LambdaFunctionEventInvokeConfig;
  /** The dead-letter queue; undefined only when failures go to a function and there is no buffer. */
  public readonly deadLetterQueue?: SqsQueue | IQueue;
  public readonly bufferQueue?: SqsQueue;
  /** The event source mapping that feeds the function from the buffer queue (Lambda's SQS trigger). */
  public readonly bufferTrigger?: LambdaEventSourceMapping;

  constructor(scope: Construct, id: string, props: AsyncWithDeadLetterProps) {
    super(scope, id);
    tagConstruct(this, props.tags);
    useProvider(this, props.provider ?? props.function.provider);
    const fn = props.function;
    const checked = checkAsyncCommon(this, props, {
      retriesMax: AWS_LIMITS.retriesMax,
      eventAgeMin: AWS_LIMITS.eventAgeMin,
      eventAgeMax: AWS_LIMITS.eventAgeMax,
      defaultRetries: 2,
      defaultEventAge: AWS_LIMITS.eventAgeMax,
      retentionMax: 1209600,
      defaultRetention: 1209600,
    });
    if (props.onFailure && 'functionName' in props.onFailure) checkNotSelf(this, fn, props.onFailure);
    const qualifier = props.qualifier instanceof CanaryAlias ? props.qualifier.alias.name : props.qualifier;
    // A qualifier given as the name of an alias of this stack must wait for that alias too.
    const namedAlias =
      typeof props.qualifier === 'string' && !isToken(props.qualifier)
        ? TerraformStack.of(this)
            .node.findAll()
            .find((c): c is CanaryAlias => c instanceof CanaryAlias && c.function === fn && c.aliasName === props.qualifier)
        : undefined;

    if (!props.onFailure || props.buffer) {
      this.deadLetterQueue =
        props.deadLetterQueue ??
        new SqsQueue(this, 'DeadLetterQueue', {
          sqsManagedSseEnabled: true,
          messageRetentionSeconds: checked.deadLetterRetention,
        });
      checkRetention(this, 'deadLetterQueue retention', this.deadLetterQueue, checked.maxEventAge);
    }

    const dependencies: ITerraformDependable[] = [];
    // Failures go to the failure destination when one is given, else to the dead-letter queue.
    const onFailure = destinationOf(props.onFailure ?? this.deadLetterQueue!).bind(fn, 'SendFailedEvents');
    const onSuccess = props.onSuccess ? destinationOf(props.onSuccess).bind(fn, 'SendSuccessfulResults') : undefined;
    if (fn.policyDependency) dependencies.push(fn.policyDependency);
    if (namedAlias) dependencies.push(namedAlias.alias);

    this.invokeConfig = new LambdaFunctionEventInvokeConfig(this, 'Default', {
      functionName: fn.functionName,
      qualifier,
      maximumRetryAttempts: checked.retryAttempts,
      maximumEventAgeInSeconds: checked.maxEventAge,
      destinationConfig: {
        onFailure: { destination: onFailure },
        onSuccess: onSuccess ? { destination: onSuccess } : undefined,
      },
      // Lambda checks at creation that the role may send to the destinations.
      dependsOn: dependencies,
    });

    if (props.buffer) {
      const buffer = checkBuffer(this, props.buffer, fn.timeoutSeconds ?? 3, checked.maxEventAge, {
        concurrencyMin: 2,
        concurrencyMax: 1000,
        retentionMax: 1209600,
        windowAbove10: true,
      });
      this.bufferQueue = new SqsQueue(this, 'BufferQueue', {
        sqsManagedSseEnabled: true,
        visibilityTimeoutSeconds: buffer.visibilityTimeout,
        messageRetentionSeconds: buffer.retention,
        redrivePolicy: JSON.stringify({ deadLetterTargetArn: this.deadLetterQueue!.arn, maxReceiveCount: buffer.maxReceiveCount }),
      });
      const qualifiedArn = props.qualifier instanceof CanaryAlias ? props.qualifier.arn : qualifier ? `${fn.arn}:${qualifier}` : fn.arn;
      this.bufferTrigger = queueSource(this, 'BufferMapping', {
        function: fn,
        target: qualifiedArn,
        queueArn: this.bufferQueue.arn,
        sid: 'ConsumeBufferQueue',
        batchSize: buffer.batchSize,
        maxBatchingWindow: props.buffer.maxBatchingWindow,
        maxConcurrency: props.buffer.maxConcurrency,
      });
    }
  }

  /** URL of the queue producers send to (SQS SendMessage takes the URL): the buffer queue, when there is one. */
  public get bufferQueueUrl(): string | undefined {
    return this.bufferQueue?.url;
  }

  /** Name of the queue producers send to: the buffer queue, when there is one. */
  public get bufferQueueName(): string | undefined {
    return this.bufferQueue?.name;
  }
}

function checkRetention(scope: Construct, prop: string, queue: SqsQueue | IQueue, maxEventAge: number): void {
  const retention = queue instanceof SqsQueue ? (queue.messageRetentionSecondsInput ?? 345600) : queue.retention;
  if (retention === undefined || isToken(retention)) return;
  if (retention < maxEventAge)
    fail(scope, prop, `at least maxEventAge (${maxEventAge} s), so no event expires in the queue before it could be delivered`, retention);
}
