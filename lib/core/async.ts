import { IConstruct } from 'constructs';
import { checkRange, fail, isToken } from './validation';

/** Asynchronous invocation settings, in the same words on both clouds. */
export interface AsyncPropsBase {
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
  /** Most concurrent invocations the queue drives. @default no limit */
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
    fail(scope, 'deadLetterRetention', `at least maxEventAge (${maxEventAge} s), so no event expires in the queue before it could be read`, deadLetterRetention);
  }
  return { retryAttempts: props.retryAttempts ?? limits.defaultRetries, maxEventAge, deadLetterRetention };
}
