import { AlarmOptionsBase } from '../core/alarms';

/** When an alarm fires (period 60-86400 s in whole minutes), and whom it tells. */
export interface AlarmOptions extends AlarmOptionsBase {
  /** ARNs notified when the alarm fires (e.g. an SNS topic). @default none */
  readonly alarmActions?: string[];
}
