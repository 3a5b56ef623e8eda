import { IConstruct } from 'constructs';
import { checkRange, fail } from './validation';

/** When an alarm fires: the same words for every metric, on both clouds. */
export interface AlarmOptionsBase {
  /** The value that raises the alarm: a count per period, or milliseconds for a duration. */
  readonly threshold: number;
  /** Period in seconds: 60-86400 in whole minutes, except FC3's function metrics, which have 60 only. @default 60 */
  readonly period?: number;
  /** Consecutive periods that must breach before the alarm fires. @default 1 */
  readonly evaluationPeriods?: number;
}

/** The periods a cloud's metrics can be alarmed on: whole minutes from `min` to `max` seconds. */
export interface AlarmPeriods {
  readonly min: number;
  readonly max: number;
  /** Why, when the cloud allows one period only. */
  readonly why?: string;
}

/**
 * Checks one alarm's options the same way on both clouds: threshold 1-1000000, evaluation periods
 * 1-100, and a period the cloud's metrics have.
 */
export function checkAlarmOptions(scope: IConstruct, prop: string, options: AlarmOptionsBase, periods: AlarmPeriods): void {
  checkRange(scope, `${prop}.threshold`, options.threshold, 1, 1_000_000);
  if (periods.min === periods.max) {
    if (options.period !== undefined && options.period !== periods.min)
      fail(scope, `${prop}.period`, `${periods.min}${periods.why ? ` (${periods.why})` : ''}`, options.period);
  } else {
    checkRange(scope, `${prop}.period`, options.period, periods.min, periods.max, { multipleOf: 60 });
  }
  checkRange(scope, `${prop}.evaluationPeriods`, options.evaluationPeriods, 1, 100);
}
