import { IConstruct } from 'constructs';
import { TaggableProps } from './tags';
import { checkPattern, checkRange, fail, isToken } from './validation';

/** The fields of a cron schedule; each defaults to every value. Times are UTC on both clouds. */
export interface CronOptions {
  /** Minute, 0-59, or a list / range / step of them ("0", "0,30", "*\/15"). @default "*" */
  readonly minute?: string;
  /** Hour, 0-23. @default "*" */
  readonly hour?: string;
  /** Day of the month, 1-31 (not with weekDay). @default "*" */
  readonly day?: string;
  /** Month, 1-12. @default "*" */
  readonly month?: string;
  /** Day of the week by name, e.g. "MON", "MON-FRI", "SAT,SUN" (names mean the same on both clouds; numbers do not). @default any */
  readonly weekDay?: string;
}

const FIELD = /^(\*|\d{1,2}(-\d{1,2})?(\/\d{1,2})?)(,(\d{1,2}(-\d{1,2})?(\/\d{1,2})?))*$|^\*\/\d{1,2}$/;
const WEEKDAY = /^(SUN|MON|TUE|WED|THU|FRI|SAT)(-(SUN|MON|TUE|WED|THU|FRI|SAT))?(,(SUN|MON|TUE|WED|THU|FRI|SAT)(-(SUN|MON|TUE|WED|THU|FRI|SAT))?)*$/;

/**
 * When a schedule runs, in one vocabulary: each cloud writes it in its own syntax (EventBridge
 * Scheduler `rate(...)` / `cron(min hour day month weekday year)`, one of day and weekday "?", per
 * its "Schedule types" guide; FC timer `@every Nm` / `sec min hour day month weekday`, per FC's
 * TimerTriggerConfig, API 2023-03-30).
 */
export class Schedule {
  /** Every `minutes` minutes (at least 1). */
  public static rate(minutes: number): Schedule {
    return new Schedule({ kind: 'rate', minutes });
  }

  /** At the times the fields match (UTC). */
  public static cron(options: CronOptions): Schedule {
    return new Schedule({ kind: 'cron', cron: options });
  }

  private constructor(private readonly spec: { kind: 'rate'; minutes: number } | { kind: 'cron'; cron: CronOptions }) {}

  /** @internal Checks the schedule, failing on `scope` with the library's message. */
  public check(scope: IConstruct): void {
    if (this.spec.kind === 'rate') {
      checkRange(scope, 'schedule (rate minutes)', this.spec.minutes, 1, Infinity);
      return;
    }
    const c = this.spec.cron;
    for (const field of ['minute', 'hour', 'day', 'month'] as const) {
      checkPattern(scope, `schedule.${field}`, c[field], FIELD, 'numbers, "*", ranges "a-b", steps "/n" or lists of them');
    }
    checkPattern(scope, 'schedule.weekDay', c.weekDay, WEEKDAY, 'day names (SUN-SAT), ranges or lists of them');
    if (c.weekDay !== undefined && c.day !== undefined && !isToken(c.day) && c.day !== '*') {
      fail(scope, 'schedule.day', 'left out (or "*") when weekDay is set (a schedule runs on days of the month or days of the week)', c.day);
    }
  }

  /** @internal EventBridge Scheduler's expression: exactly one of day and weekday is "?". */
  public toAws(): string {
    if (this.spec.kind === 'rate') return `rate(${this.spec.minutes} ${this.spec.minutes === 1 ? 'minute' : 'minutes'})`;
    const c = this.spec.cron;
    const day = c.weekDay !== undefined ? '?' : (c.day ?? '*');
    return `cron(${c.minute ?? '*'} ${c.hour ?? '*'} ${day} ${c.month ?? '*'} ${c.weekDay ?? '?'} *)`;
  }

  /** @internal FC's timer expression: seconds first, "*" for an unset day. */
  public toFc(): string {
    if (this.spec.kind === 'rate') return `@every ${this.spec.minutes}m`;
    const c = this.spec.cron;
    return `0 ${c.minute ?? '*'} ${c.hour ?? '*'} ${c.day ?? '*'} ${c.month ?? '*'} ${c.weekDay ?? '*'}`;
  }
}

/** A schedule that invokes a function or its alias, in the same words on both clouds. */
export interface ScheduleTriggerPropsBase extends TaggableProps {
  /** When it runs: `Schedule.rate(minutes)` or `Schedule.cron({ … })` (UTC). */
  readonly schedule: Schedule;
  /** Text (usually JSON) the function receives as the event's payload. @default none */
  readonly payload?: string;
}
