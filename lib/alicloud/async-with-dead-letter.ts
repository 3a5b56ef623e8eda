import { ITerraformDependable } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AsyncPropsBase, BufferOptionsBase, checkAliasOf, checkAsyncCommon, checkBuffer, checkNotSelf } from '../core/async';
import { IAsyncWithDeadLetterContract } from '../core/contracts';
import { useProvider } from '../core/private/provider';
import { tagConstruct } from '../core/tags';
import { uniqueName } from '../core/private/names';
import { StackState } from '../core/private/stack-state';
import { checkPattern, fail, isToken } from '../core/validation';
import { CanaryAlias } from './canary-alias';
import { destinationOf, IDestination, IQueue } from './destination';
import { regionOf } from './function-base';
import { IFunction } from './function';
import { FC_LIMITS } from './limits';
import { Fcv3AsyncInvokeConfig } from '../generated/alicloud/fcv3-async-invoke-config';
import { queueSource, refuseConcurrency } from './private/queue-source';
import { Fcv3Trigger } from '../generated/alicloud/fcv3-trigger';
import { MessageServiceQueue } from '../generated/alicloud/message-service-queue';
import { AlicloudProvider } from '../generated/alicloud/provider';

/** A queue in front of the function: producers send to it, EventBridge feeds the function. */
export interface BufferOptions extends BufferOptionsBase {
  /** Seconds to gather a batch (EventBridge time-based window). @default 0 */
  readonly maxBatchingWindow?: number;
  /** Visibility timeout in seconds; at least the function timeout. @default 6 × the function timeout */
  readonly visibilityTimeout?: number;
}

export interface AsyncWithDeadLetterProps extends AsyncPropsBase {
  /** Provider (region, account) of every resource the construct makes. @default the function's provider */
  readonly provider?: AlicloudProvider;
  /** The function invoked asynchronously. */
  readonly function: IFunction;
  /**
   * Alias (a CanaryAlias or its name) or version the configuration applies to. The same configuration
   * is then also put on LATEST, through which the provider reads it back. @default the function (LATEST)
   */
  readonly qualifier?: CanaryAlias | string;
  /** Queue for failed events. @default a new MNS queue keeping messages 7 days */
  readonly deadLetterQueue?: MessageServiceQueue | IQueue;
  /** A failure-handling function (or any IDestination) instead of the queue as the on-failure destination. @default the dead-letter queue */
  readonly onFailure?: IFunction | IDestination;
  /** Where successful results go: a queue, a function or any IDestination. @default nowhere */
  readonly onSuccess?: MessageServiceQueue | IQueue | IFunction | IDestination;
  /** A queue in front of the function to absorb bursts. @default none */
  readonly buffer?: BufferOptions;
}

/**
 * FC3 asynchronous invocation with retries and a maximum event age; failed events go to an MNS
 * dead-letter queue (created unless given) or a failure-handling function; optional success
 * destination; optional buffer queue in front. The function's RAM role gets exactly
 * `mns:SendMessage` on the destination queues (or `fc:InvokeFunction` on a destination function).
 */
export class AsyncWithDeadLetter extends Construct implements IAsyncWithDeadLetterContract<'alicloud'> {
  public readonly cloud = 'alicloud' as const;
  /** The async configuration, on the qualifier when one is given. */
  public readonly invokeConfig: Fcv3AsyncInvokeConfig;
  /**
   * With a qualifier: the same configuration on LATEST, which the provider's read of the qualified one
   * finds (it reads without the qualifier). Undefined without a qualifier.
   */
  public readonly latestInvokeConfig?: Fcv3AsyncInvokeConfig;
  /** The dead-letter queue; undefined only when failures go to a function and there is no buffer. */
  public readonly deadLetterQueue?: MessageServiceQueue | IQueue;
  public readonly bufferQueue?: MessageServiceQueue;
  /** The EventBridge trigger that feeds the function from the buffer queue. */
  public readonly bufferTrigger?: Fcv3Trigger;

  constructor(scope: Construct, id: string, props: AsyncWithDeadLetterProps) {
    super(scope, id);
    tagConstruct(this, props.tags);
    useProvider(this, props.provider ?? props.function.provider);
    const fn = props.function;
    const checked = checkAsyncCommon(this, props, {
      retriesMax: FC_LIMITS.retriesMax,
      eventAgeMin: FC_LIMITS.eventAgeMin,
      eventAgeMax: FC_LIMITS.eventAgeMax,
      defaultRetries: 3,
      defaultEventAge: FC_LIMITS.eventAgeMax,
      retentionMax: FC_LIMITS.queueRetentionMax,
      defaultRetention: FC_LIMITS.queueRetentionMax,
    });
    if (props.onFailure && 'functionName' in props.onFailure) checkNotSelf(this, fn, props.onFailure);
    // The provider keys the async configuration by function name only (id = function_name), so a
    // second one for the same function would overwrite the first in FC and collide in state.
    const configured = StackState.of(this).remember('alicloudAsyncFunctions', () => new Set<IFunction>());
    if (configured.has(fn)) {
      fail(
        this,
        'function',
        'a function without another AsyncWithDeadLetter (provider aliyun/alicloud keys the async configuration by function name)',
        (fn as unknown as IConstruct).node?.path ?? fn.functionName,
      );
    }
    configured.add(fn);
    const qualifierName = props.qualifier instanceof CanaryAlias ? props.qualifier.aliasName : props.qualifier;
    if (props.qualifier instanceof CanaryAlias) checkAliasOf(this, fn, props.qualifier);
    checkPattern(this, 'qualifier', qualifierName, /^[A-Za-z0-9_-]+$/, 'an alias name or a version number (letters, digits, "_" and "-")', { maxLength: 128 });
    const qualified = qualifierName !== undefined && qualifierName !== 'LATEST';
    regionOf(this, props.provider ?? fn.provider); // fails here, naming this construct, when there is no literal region
    const where = fn.location;

    if (!props.onFailure || props.buffer) {
      this.deadLetterQueue =
        props.deadLetterQueue ??
        new MessageServiceQueue(this, 'DeadLetterQueue', {
          queueName: queueName(this, 'dlq'),
          messageRetentionPeriod: checked.deadLetterRetention,
        });
      checkRetention(this, 'deadLetterQueue retention', this.deadLetterQueue, checked.maxEventAge);
    }

    const onFailure = destinationOf(props.onFailure ?? this.deadLetterQueue!).bind(fn);
    const onSuccess = props.onSuccess ? destinationOf(props.onSuccess).bind(fn) : undefined;
    const dependencies: ITerraformDependable[] = fn.policyDependency ? [fn.policyDependency] : [];

    const settings = {
      functionName: fn.functionName,
      maxAsyncRetryAttempts: checked.retryAttempts,
      maxAsyncEventAgeInSeconds: checked.maxEventAge,
      destinationConfig: {
        onFailure: { destination: onFailure },
        onSuccess: onSuccess ? { destination: onSuccess } : undefined,
      },
    };
    // aliyun/alicloud 1.291.0 (alicloud/resource_alicloud_fcv3_async_invoke_config.go) writes with
    // ?qualifier= (Create, Update, Delete) but resourceAliCloudFcv3AsyncInvokeConfigRead reads with
    // Fcv3ServiceV2.DescribeFcv3AsyncInvokeConfig(d.Id()) (service_alicloud_fcv3_v2.go): GET
    // /functions/<name>/async-invoke-config with no qualifier, which FC answers for LATEST. It fails a
    // new resource when nothing is found, drops an existing one from state, and never sets
    // `qualifier`. So a qualified configuration is read through LATEST's: the construct writes the
    // same settings on LATEST first (this twin) and the qualified one depends on it. Both reads then
    // return exactly what was written, on create, update and every refresh; destroy removes the
    // qualified one first. Side effect: unqualified async calls get the same settings.
    this.latestInvokeConfig = qualified ? new Fcv3AsyncInvokeConfig(this, 'Latest', { ...settings, qualifier: 'LATEST', dependsOn: dependencies }) : undefined;
    this.invokeConfig = new Fcv3AsyncInvokeConfig(this, 'Default', {
      ...settings,
      qualifier: qualified ? (props.qualifier instanceof CanaryAlias ? props.qualifier.qualifier : qualifierName) : undefined,
      // FC returns a generic error if the role cannot reach the destinations yet.
      dependsOn: this.latestInvokeConfig ? [...dependencies, this.latestInvokeConfig] : dependencies,
    });

    if (props.buffer) {
      refuseConcurrency(this, 'buffer.maxConcurrency', props.buffer.maxConcurrency);
      const buffer = checkBuffer(this, props.buffer, fn.timeoutSeconds ?? 3, checked.maxEventAge, {
        concurrencyMin: 1,
        concurrencyMax: 300,
        retentionMax: FC_LIMITS.queueRetentionMax,
        windowAbove10: false,
      });
      this.bufferQueue = new MessageServiceQueue(this, 'BufferQueue', {
        queueName: queueName(this, 'buffer'),
        visibilityTimeout: buffer.visibilityTimeout,
        messageRetentionPeriod: buffer.retention,
        dlqPolicy: { enabled: true, deadLetterTargetQueue: this.deadLetterQueue!.queueName, maxReceiveCount: buffer.maxReceiveCount },
      });
      this.bufferTrigger = queueSource(this, 'BufferTrigger', {
        functionName: fn.functionName,
        // The buffer's messages follow the qualifier (an alias's canary split) like any other call.
        qualifier: this.invokeConfig.qualifierInput ?? 'LATEST',
        triggerName: 'buffer-queue',
        description: `Feeds ${this.node.path} from its buffer queue`,
        region: where.region,
        queueName: this.bufferQueue.queueName,
        batchSize: buffer.batchSize,
        maxBatchingWindow: props.buffer.maxBatchingWindow,
        deadLetterArn: `acs:mns:${where.region}:${where.account}:/queues/${this.deadLetterQueue!.queueName}`,
      });
    }
  }

  /** Where producers send: the buffer queue's name, when there is one. */
  public get bufferQueueName(): string | undefined {
    return this.bufferQueue?.queueName;
  }
}

/** MNS queue names: 1-120 of letters, digits and "-", starting with a letter. */
function queueName(scope: Construct, suffix: string): string {
  const name = `${uniqueName(scope, 120 - suffix.length - 1).replace(/_/g, '-')}-${suffix}`;
  checkPattern(scope, 'queueName', name, /^[A-Za-z][A-Za-z0-9-]*$/, 'letters, digits and "-", starting with a letter', { maxLength: 120 });
  return name;
}

function checkRetention(scope: Construct, prop: string, queue: MessageServiceQueue | IQueue, maxEventAge: number): void {
  const retention = queue instanceof MessageServiceQueue ? (queue.messageRetentionPeriodInput ?? 345600) : queue.retention;
  if (retention === undefined || isToken(retention)) return;
  if (retention < maxEventAge)
    fail(scope, prop, `at least maxEventAge (${maxEventAge} s), so no event expires in the queue before it could be delivered`, retention);
}
