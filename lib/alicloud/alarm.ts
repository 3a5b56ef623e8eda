import { AlarmOptionsBase } from '../core/alarms';

/** When an alarm fires: FC3 function metrics have one period, 60 s, so a longer window is `evaluationPeriods`. */
export interface AlarmOptions extends AlarmOptionsBase {}
