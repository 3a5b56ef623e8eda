import { Construct } from 'constructs';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { checkAlarmOptions } from '../../core/alarms';
import type { AlarmOptions } from '../alarm';

/** What is measured: a CloudWatch metric with its dimensions and statistic. */
export interface Metric {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: { [name: string]: string };
  /** "Sum", "Maximum", … or a percentile such as "p99" (an extended statistic). */
  readonly statistic: string;
}

/**
 * One CloudWatch alarm at or above `threshold`, checked the same way everywhere (threshold
 * 1-1000000, period 60-86400 s in minutes, 1-100 periods); missing data is not a breach.
 */
export function metricAlarm(
  scope: Construct,
  id: string,
  prop: string,
  name: string,
  description: string,
  metric: Metric,
  options: AlarmOptions,
): CloudwatchMetricAlarm {
  checkAlarmOptions(scope, prop, options, { min: 60, max: 86400 });
  const percentile = /^p\d+(\.\d+)?$/.test(metric.statistic);
  return new CloudwatchMetricAlarm(scope, id, {
    alarmName: name,
    alarmDescription: description,
    namespace: metric.namespace,
    metricName: metric.metricName,
    dimensions: metric.dimensions,
    statistic: percentile ? undefined : metric.statistic,
    extendedStatistic: percentile ? metric.statistic : undefined,
    period: options.period ?? 60,
    evaluationPeriods: options.evaluationPeriods ?? 1,
    threshold: options.threshold,
    comparisonOperator: 'GreaterThanOrEqualToThreshold',
    treatMissingData: 'notBreaching',
    alarmActions: options.alarmActions,
  });
}
