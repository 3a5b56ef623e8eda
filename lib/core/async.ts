import { IConstruct } from 'constructs';
import { checkRange, fail, isToken } from './validation';
import { TaggableProps } from './tags';

/** Asynchronous invocation settings, in the same words on both clouds. */
export interface AsyncPropsBase extends TaggableProps {
  /** Retries after a failed attempt. @default 2 on AWS (0-2), 3 on FC3 (0-8) */
  readonly retryAttempts?: number;
  /** Seconds an event may wait before it is dropped to the failure destination. @default the cloud's maximum (AWS 21600, FC3 86400) */
  readonly maxEventAge?: number;
  /** Retention of a created dead-letter queue, in seconds; at least maxEventAge. @default 1209600 (14 days) on AWS, 604800 (7 days, MNS's maximum) on FC3 */
  readonly deadLetterRetention?: number;
}

/** A queue in front of a function, in the same words on both clouds. */
export interface BufferOptionsBase {
  /** Messages per invocation. @default 10 */
  readonly batchSize?: number;
  /** Most concurrent invocations the queue drives (AWS only: FC3 has no such limit for an MNS source and refuses it). @default no limit */
  readonly maxConcurrency?: number;
  /** Receives before a message moves to the dead-letter queue. @default 3 */
  readonly maxReceiveCount?: number;
  /** Seconds the buffer keeps a message; longer than maxEventAge. @default 345600 (4 days) */
  readonly retention?: number;
}

/** A cloud's async limits. */
export interface AsyncLimits {
  readonly retriesMax: number;
  readonly eventAgeMin: number;
  readonly eventAgeMax: number;
  readonly defaultRetries: number;
  readonly defaultEventAge: number;
  readonly retentionMax: number;
  readonly defaultRetention: number;
}

/** The checked values with defaults applied. */
export interface CheckedAsync {
  readonly retryAttempts: number;
  readonly maxEventAge: number;
  readonly deadLetterRetention: number;
}

/** Range checks both clouds share, with each cloud's limits; the retention covers the event age. */
export function checkAsyncCommon(scope: IConstruct, props: AsyncPropsBase, limits: AsyncLimits): CheckedAsync {
  checkRange(scope, 'retryAttempts', props.retryAttempts, 0, limits.retriesMax);
  checkRange(scope, 'maxEventAge', props.maxEventAge, limits.eventAgeMin, limits.eventAgeMax, { unit: 's' });
  checkRange(scope, 'deadLetterRetention', props.deadLetterRetention, 60, limits.retentionMax, { unit: 's' });
  const maxEventAge = props.maxEventAge ?? limits.defaultEventAge;
  const deadLetterRetention = props.deadLetterRetention ?? limits.defaultRetention;
  if (!isToken(deadLetterRetention) && !isToken(maxEventAge) && deadLetterRetention < maxEventAge) {
    fail(
      scope,
      'deadLetterRetention',
      `at least maxEventAge (${maxEventAge} s), so no event expires in the queue before it could be read`,
      deadLetterRetention,
    );
  }
  return { retryAttempts: props.retryAttempts ?? limits.defaultRetries, maxEventAge, deadLetterRetention };
}

/** A failure-handling function must not be the function itself: its failures would loop back. */
export function checkNotSelf(scope: IConstruct, fn: { readonly functionName: string }, onFailure: { readonly functionName: string } | undefined): void {
  if (!onFailure) return;
  if (onFailure === fn || (!isToken(fn.functionName) && onFailure.functionName === fn.functionName)) {
    fail(scope, 'onFailure', 'a function other than the one invoked (its failures would loop back into it)', pathOr(onFailure, onFailure.functionName));
  }
}

/** The buffer settings both clouds express the same way. */
export interface BufferSettings extends BufferOptionsBase {
  /** Seconds to gather a batch. */
  readonly maxBatchingWindow?: number;
  /** Visibility timeout in seconds. */
  readonly visibilityTimeout?: number;
}

/** A cloud's buffer limits. */
export interface BufferLimits {
  readonly concurrencyMin: number;
  readonly concurrencyMax: number;
  readonly retentionMax: number;
  /** Whether batches above 10 need a batching window (SQS). */
  readonly windowAbove10: boolean;
}

/** Buffer values after the checks, with defaults applied. */
export interface CheckedBuffer {
  readonly batchSize: number;
  readonly maxReceiveCount: number;
  readonly visibilityTimeout: number;
  readonly retention: number;
}

/**
 * The checks of a queue in front of a function: batch and window ranges, visibility timeout at
 * least the function timeout (default 6 × it plus the window), retention longer than the event age.
 */
export function checkBuffer(scope: IConstruct, buffer: BufferSettings, functionTimeout: number, maxEventAge: number, limits: BufferLimits): CheckedBuffer {
  checkBatching(scope, 'buffer.', buffer, limits);
  checkRange(scope, 'buffer.maxReceiveCount', buffer.maxReceiveCount, 1, 1000);
  checkRange(scope, 'buffer.visibilityTimeout', buffer.visibilityTimeout, 0, 43200, { unit: 's' });
  if (buffer.visibilityTimeout !== undefined && !isToken(buffer.visibilityTimeout) && buffer.visibilityTimeout < functionTimeout) {
    fail(
      scope,
      'buffer.visibilityTimeout',
      `at least the function timeout (${functionTimeout} s; 6 × is recommended: ${6 * functionTimeout} s)`,
      buffer.visibilityTimeout,
    );
  }
  checkRange(scope, 'buffer.retention', buffer.retention, 60, limits.retentionMax, { unit: 's' });
  const retention = buffer.retention ?? 345600;
  if (!isToken(retention) && !isToken(maxEventAge) && retention <= maxEventAge) {
    fail(scope, 'buffer.retention', `longer than maxEventAge (${maxEventAge} s)`, retention);
  }
  return {
    batchSize: buffer.batchSize ?? 10,
    maxReceiveCount: buffer.maxReceiveCount ?? 3,
    visibilityTimeout: buffer.visibilityTimeout ?? Math.min(6 * functionTimeout + (buffer.maxBatchingWindow ?? 0), 43200),
    retention,
  };
}

/** How a queue drives a function, the same words on both clouds (buffer queues and QueueTrigger). */
export interface BatchingOptions {
  /** Messages per invocation, 1-10000 (on AWS above 10 only with a batching window). @default 10 */
  readonly batchSize?: number;
  /** Seconds to gather a batch, 0-300. @default 0 */
  readonly maxBatchingWindow?: number;
  /** Most concurrent invocations the queue drives (AWS 2-1000; refused on FC3, which has no such limit for an MNS source). @default no limit */
  readonly maxConcurrency?: number;
}

/** Batch size, window and concurrency of a queue that drives a function; `prefix` names the props ("buffer."). */
export function checkBatching(
  scope: IConstruct,
  prefix: string,
  batching: BatchingOptions,
  limits: Pick<BufferLimits, 'concurrencyMin' | 'concurrencyMax' | 'windowAbove10'>,
): void {
  checkRange(scope, `${prefix}batchSize`, batching.batchSize, 1, 10000);
  checkRange(scope, `${prefix}maxBatchingWindow`, batching.maxBatchingWindow, 0, 300, { unit: 's' });
  if (limits.windowAbove10 && batching.batchSize !== undefined && !isToken(batching.batchSize) && batching.batchSize > 10 && !batching.maxBatchingWindow) {
    fail(scope, `${prefix}batchSize`, `at most 10 unless ${prefix}maxBatchingWindow is set`, batching.batchSize);
  }
  checkRange(scope, `${prefix}maxConcurrency`, batching.maxConcurrency, limits.concurrencyMin, limits.concurrencyMax);
}

/** What names a function or an alias in a message: its construct path (our names are references), else its name. */
function pathOr(thing: object, fallback: string): string {
  return (thing as { node?: { path: string } }).node?.path ?? fallback;
}

/** A trigger's alias must be one of the triggered function's aliases. */
export function checkAliasOf(scope: IConstruct, fn: { functionName: string }, alias: { function: unknown; aliasName: string } | undefined): void {
  if (!alias || alias.function === fn) return;
  fail(scope, 'qualifier', `an alias of the function ${pathOr(fn, fn.functionName)}`, pathOr(alias, alias.aliasName));
}
