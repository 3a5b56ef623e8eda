import { Construct } from 'constructs';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { IFunctionAlarmsContract } from '../core/contracts';
import { attachToFunction } from '../core/private/trigger';
import { TaggableProps } from '../core/tags';
import { AlarmOptions } from './alarm';
import type { CanaryAlias } from './canary-alias';
import { IFunction } from './function';
import { metricAlarm } from './private/alarm';

export interface FunctionAlarmsProps extends TaggableProps {
  /** The function watched. */
  readonly function: IFunction;
  /** Watch the invocations through this alias only. @default the whole function */
  readonly qualifier?: CanaryAlias;
  /** Errors per period (`Errors`, Sum). @default no alarm */
  readonly errors?: AlarmOptions;
  /** Throttled invocations per period (`Throttles`, Sum). @default no alarm */
  readonly throttles?: AlarmOptions;
  /** 99th percentile of the duration in milliseconds (`Duration`, p99). @default no alarm */
  readonly durationP99?: AlarmOptions;
  /** Messages waiting in a dead-letter queue (`ApproximateNumberOfMessagesVisible`, Maximum), e.g. an AsyncWithDeadLetter's. @default no alarm */
  readonly deadLetterQueue?: AlarmOptions & { readonly queue: SqsQueue | { readonly name: string } };
  /** Provider (region, account) of the alarms. @default the function's provider */
  readonly provider?: AwsProvider;
}

/**
 * CloudWatch alarms for a function or one of its aliases: errors, throttles, duration p99 (AWS/Lambda
 * metrics, `FunctionName` and, for an alias, `Resource = <function>:<alias>`) and the depth of a
 * dead-letter queue (AWS/SQS). Each fires at or above its threshold; missing data is not a breach.
 * Metric names and dimensions: Lambda developer guide, "Types of metrics for Lambda functions"
 * (an alias is the `Resource` dimension `<function>:<alias>`), and SQS's CloudWatch metrics.
 */
export class FunctionAlarms extends Construct implements IFunctionAlarmsContract<'aws', CloudwatchMetricAlarm> {
  public readonly cloud = 'aws' as const;
  public readonly errors?: CloudwatchMetricAlarm;
  public readonly throttles?: CloudwatchMetricAlarm;
  public readonly durationP99?: CloudwatchMetricAlarm;
  public readonly deadLetterQueue?: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: FunctionAlarmsProps) {
    super(scope, id);
    attachToFunction(this, props);
    const name = props.function.functionName;
    const dimensions: { [key: string]: string } = props.qualifier
      ? { FunctionName: name, Resource: `${name}:${props.qualifier.qualifier}` }
      : { FunctionName: name };
    const label = props.qualifier ? `${name}-${props.qualifier.aliasName}` : name;
    const lambda = (metricName: string, statistic: string) => ({ namespace: 'AWS/Lambda', metricName, dimensions, statistic });
    if (props.errors)
      this.errors = metricAlarm(this, 'Errors', 'errors', `${label}-errors`, `Errors of ${this.node.path}`, lambda('Errors', 'Sum'), props.errors);
    if (props.throttles)
      this.throttles = metricAlarm(
        this,
        'Throttles',
        'throttles',
        `${label}-throttles`,
        `Throttled invocations of ${this.node.path}`,
        lambda('Throttles', 'Sum'),
        props.throttles,
      );
    if (props.durationP99)
      this.durationP99 = metricAlarm(
        this,
        'DurationP99',
        'durationP99',
        `${label}-duration-p99`,
        `99th percentile duration (ms) of ${this.node.path}`,
        lambda('Duration', 'p99'),
        props.durationP99,
      );
    if (props.deadLetterQueue) {
      const queueName = props.deadLetterQueue.queue.name;
      this.deadLetterQueue = metricAlarm(
        this,
        'DeadLetterQueueDepth',
        'deadLetterQueue',
        `${label}-dead-letters`,
        `Failed events waiting in the dead-letter queue of ${this.node.path}`,
        { namespace: 'AWS/SQS', metricName: 'ApproximateNumberOfMessagesVisible', dimensions: { QueueName: queueName }, statistic: 'Maximum' },
        props.deadLetterQueue,
      );
    }
  }
}
