import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { AlarmOptionsBase, checkAlarmOptions } from '../core/alarms';
import { IFunctionAlarmsContract } from '../core/contracts';
import { attachToFunction } from '../core/private/trigger';
import { TaggableProps } from '../core/types';
import { fail, isToken } from '../core/validation';
import { IFunction } from './function-base';
import { CmsAlarm } from './provider/cms-alarm';
import { AlicloudProvider } from './provider/provider';

/** When an alarm fires: FC3 metrics have one period, 60 s, so a longer window is `evaluationPeriods`. */
export interface AlarmOptions extends AlarmOptionsBase {}

export interface FunctionAlarmsProps extends TaggableProps {
  /** The function watched (all its versions and aliases: FC3 metrics have no alias dimension). */
  readonly function: IFunction;
  /** CloudMonitor alarm contact groups told when an alarm fires (names, e.g. an `alicloud_cms_alarm_contact_group`'s). */
  readonly contactGroups: string[];
  /** Function errors per minute (`FunctionFunctionErrors`). @default no alarm */
  readonly errors?: AlarmOptions;
  /** Throttled invocations per minute: one alarm on `FunctionConcurrencyThrottles`, one on `FunctionResourceThrottles`. @default no alarm */
  readonly throttles?: AlarmOptions;
  /** 99th percentile of the duration in milliseconds (`FunctionP99Duration`). @default no alarm */
  readonly durationP99?: AlarmOptions;
  /** Provider (region, account) of the alarms. @default the function's provider */
  readonly provider?: AlicloudProvider;
}

// FC 3.0 "Monitoring data" (help.aliyun.com/zh/functioncompute/fc/user-guide/monitoring-data): every
// FC metric is in the CloudMonitor project acs_fc, aggregated per 60 s, and function metrics have the
// dimensions {"region", "functionName"}; the metric names below are from its Metric table.
const PROJECT = 'acs_fc';
const PERIOD = 60;

/**
 * CloudMonitor alarm rules (`alicloud_cms_alarm`) on a function's FC 3.0 metrics: errors,
 * throttles (concurrency and resource limits, one rule each) and duration p99. Each fires at or
 * above its threshold for `evaluationPeriods` consecutive minutes and tells the contact groups.
 * FC3 has no per-alias or per-version metric, so a canary cannot be watched apart from its function.
 */
export class FunctionAlarms extends Construct implements IFunctionAlarmsContract<'alicloud', CmsAlarm> {
  public readonly cloud = 'alicloud' as const;
  public readonly errors?: CmsAlarm;
  /** The throttles alarm on the function's concurrency limit (`FunctionConcurrencyThrottles`). */
  public readonly throttles?: CmsAlarm;
  /** The throttles alarm on the instance limit (`FunctionResourceThrottles`), made with `throttles`. */
  public readonly resourceThrottles?: CmsAlarm;
  public readonly durationP99?: CmsAlarm;

  constructor(scope: Construct, id: string, props: FunctionAlarmsProps) {
    super(scope, id);
    attachToFunction(this, props);
    if (!isToken(props.contactGroups) && !(props.contactGroups?.length > 0)) {
      fail(this, 'contactGroups', 'at least one CloudMonitor contact group name (CloudMonitor tells contact groups only)', props.contactGroups);
    }
    const name = props.function.functionName;
    // The same JSON the provider's metric_dimensions takes: a list of dimension sets.
    const dimensions = JSON.stringify([{ region: props.function.location.region, functionName: name }]);
    const alarm = (alarmId: string, prop: string, suffix: string, metric: string, options: AlarmOptions): CmsAlarm => {
      checkAlarmOptions(this, prop, options, { min: PERIOD, max: PERIOD, why: 'FC 3.0 aggregates its metrics per 60 s; use evaluationPeriods for a longer window' });
      return new CmsAlarm(this, alarmId, {
        name: `${name}-${suffix}`,
        project: PROJECT,
        metric,
        metricDimensions: dimensions,
        period: PERIOD,
        contactGroups: props.contactGroups,
        // One datapoint per 60-s period, so the statistic reads it as it is; Average is the provider's default.
        escalationsCritical: { statistics: 'Average', comparisonOperator: '>=', threshold: isToken(options.threshold) ? Token.asString(options.threshold) : String(options.threshold), times: options.evaluationPeriods ?? 1 },
      });
    };
    if (props.errors) this.errors = alarm('Errors', 'errors', 'errors', 'FunctionFunctionErrors', props.errors);
    if (props.throttles) {
      this.throttles = alarm('Throttles', 'throttles', 'throttles', 'FunctionConcurrencyThrottles', props.throttles);
      this.resourceThrottles = alarm('ResourceThrottles', 'throttles', 'resource-throttles', 'FunctionResourceThrottles', props.throttles);
    }
    if (props.durationP99) this.durationP99 = alarm('DurationP99', 'durationP99', 'duration-p99', 'FunctionP99Duration', props.durationP99);
  }
}
