import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { checkAlarmOptions } from '../core/alarms';
import { IFunctionAlarmsContract } from '../core/contracts';
import { attachToFunction } from '../core/private/trigger';
import { TaggableProps } from '../core/tags';
import { fail, isToken } from '../core/validation';
import { AlarmOptions } from './alarm';
import type { IQueue } from './destination';
import { IFunction } from './function';
import { CmsAlarm } from '../generated/alicloud/cms-alarm';
import { MessageServiceQueue } from '../generated/alicloud/message-service-queue';
import { AlicloudProvider } from '../generated/alicloud/provider';

export interface FunctionAlarmsProps extends TaggableProps {
  /** The function watched (all its versions and aliases: FC 3.0 documents no alias dimension). */
  readonly function: IFunction;
  /** CloudMonitor alarm contact groups told when an alarm fires (names, e.g. an `alicloud_cms_alarm_contact_group`'s). */
  readonly contactGroups: string[];
  /** Function errors per minute (`FunctionFunctionErrors`). @default no alarm */
  readonly errors?: AlarmOptions;
  /** Throttled invocations per minute: one alarm on `FunctionConcurrencyThrottles`, one on `FunctionResourceThrottles`. @default no alarm */
  readonly throttles?: AlarmOptions;
  /** 99th percentile of the duration in milliseconds (`FunctionP99Duration`). @default no alarm */
  readonly durationP99?: AlarmOptions;
  /** Messages waiting in an MNS dead-letter queue (`acs_mns_new` `ActiveMessages`, Maximum; period 60-86400 s in minutes), e.g. an AsyncWithDeadLetter's. @default no alarm */
  readonly deadLetterQueue?: AlarmOptions & { readonly queue: MessageServiceQueue | IQueue };
  /** Provider (region, account) of the alarms. @default the function's provider */
  readonly provider?: AlicloudProvider;
}

// FC 3.0 "Monitoring data" (alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/monitoring-data):
// every FC metric is in the CloudMonitor project acs_fc, aggregated per 60 s, and "the Dimensions
// parameter for function metrics is in the following format: {"region", "functionName"}" (FC 2.0's
// page adds serviceName; FC 3.0 has no services, so the key is left out rather than sent empty:
// the provider compares metric_dimensions as JSON, and a key CloudMonitor dropped would show on
// every plan). CloudMonitor's metric appendix (AlibabaCloudDocs/cms, "Function Compute"; "Message
// Service - queue") adds userId to every rule's dimensions and gives the statistics: Value for
// acs_fc, Maximum/Minimum/Average for acs_mns_new (queue). The function metric names are from FC 3.0's
// Metric table.
const PERIOD = 60;

/**
 * CloudMonitor alarm rules (`alicloud_cms_alarm`) on a function's FC 3.0 metrics: errors,
 * throttles (concurrency and resource limits, one rule each) and duration p99, and on the depth of
 * an MNS dead-letter queue. Each fires at or above its threshold for `evaluationPeriods` consecutive
 * periods and tells the contact groups. FC 3.0 documents no per-alias or per-version metric, so a
 * canary cannot be watched apart from its function.
 */
export class FunctionAlarms extends Construct implements IFunctionAlarmsContract<'alicloud', CmsAlarm> {
  public readonly cloud = 'alicloud' as const;
  public readonly errors?: CmsAlarm;
  /** The throttles alarm on the function's concurrency limit (`FunctionConcurrencyThrottles`). */
  public readonly throttles?: CmsAlarm;
  /** The throttles alarm on the instance limit (`FunctionResourceThrottles`), made with `throttles`. */
  public readonly resourceThrottles?: CmsAlarm;
  public readonly durationP99?: CmsAlarm;
  public readonly deadLetterQueue?: CmsAlarm;

  constructor(scope: Construct, id: string, props: FunctionAlarmsProps) {
    super(scope, id);
    attachToFunction(this, props);
    if (!isToken(props.contactGroups) && !(props.contactGroups?.length > 0)) {
      fail(this, 'contactGroups', 'at least one CloudMonitor contact group name (CloudMonitor tells contact groups only)', props.contactGroups);
    }
    const name = props.function.functionName;
    const { region, account } = props.function.location;
    const alarm = (alarmId: string, prop: string, suffix: string, metric: Metric, options: AlarmOptions): CmsAlarm => {
      checkAlarmOptions(
        this,
        prop,
        options,
        metric.project === 'acs_fc'
          ? { min: PERIOD, max: PERIOD, why: 'FC 3.0 aggregates its metrics per 60 s; use evaluationPeriods for a longer window' }
          : { min: PERIOD, max: 86400 },
      );
      return new CmsAlarm(this, alarmId, {
        name: `${name}-${suffix}`,
        project: metric.project,
        metric: metric.name,
        // The provider's metric_dimensions: a JSON list of dimension sets.
        metricDimensions: JSON.stringify([{ userId: account, region, ...metric.dimensions }]),
        period: options.period ?? PERIOD,
        contactGroups: props.contactGroups,
        escalationsCritical: {
          statistics: metric.statistic,
          comparisonOperator: '>=',
          threshold: isToken(options.threshold) ? Token.asString(options.threshold) : String(options.threshold),
          times: options.evaluationPeriods ?? 1,
        },
      });
    };
    const fc = (metricName: string): Metric => ({
      project: 'acs_fc',
      name: metricName,
      dimensions: { functionName: name },
      statistic: 'Value',
    });
    if (props.errors) this.errors = alarm('Errors', 'errors', 'errors', fc('FunctionFunctionErrors'), props.errors);
    if (props.throttles) {
      this.throttles = alarm('Throttles', 'throttles', 'throttles', fc('FunctionConcurrencyThrottles'), props.throttles);
      this.resourceThrottles = alarm('ResourceThrottles', 'throttles', 'resource-throttles', fc('FunctionResourceThrottles'), props.throttles);
    }
    if (props.durationP99) this.durationP99 = alarm('DurationP99', 'durationP99', 'duration-p99', fc('FunctionP99Duration'), props.durationP99);
    if (props.deadLetterQueue) {
      this.deadLetterQueue = alarm(
        'DeadLetterQueueDepth',
        'deadLetterQueue',
        'dead-letters',
        { project: 'acs_mns_new', name: 'ActiveMessages', dimensions: { queue: props.deadLetterQueue.queue.queueName }, statistic: 'Maximum' },
        props.deadLetterQueue,
      );
    }
  }
}

/** What a rule measures: a CloudMonitor metric, its dimensions besides userId and region, and the statistic. */
interface Metric {
  readonly project: 'acs_fc' | 'acs_mns_new';
  readonly name: string;
  readonly dimensions: { [key: string]: string };
  readonly statistic: string;
}
