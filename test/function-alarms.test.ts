import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { alicloud, aws } from '../lib';
import { conforms, fcStack, fn as fcFn } from './alicloud-helpers';
import { conformanceErrors, loadSchema } from './conformance';
import { makeFolder, resources, synth } from './helpers';

// aws.FunctionAlarms: errors, throttles, duration p99 and dead-letter depth, for a function or one
// of its aliases; the canary alarm is built on the same helper.

const code = makeFolder({ 'index.js': 'exports.handler = async () => 1;' }, 'alarms-code');

function setup() {
  const stack = new TerraformStack(Testing.app(), 'test');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  const fn = new aws.LayeredFunction(stack, 'orders', { functionName: 'orders', runtime: 'nodejs22.x', handler: 'index.handler', code });
  return { stack, fn };
}

test('the four alarms of an alias: Lambda metrics with FunctionName and Resource, p99 as an extended statistic, SQS depth by queue name', () => {
  const { stack, fn } = setup();
  const live = new aws.CanaryAlias(stack, 'live', { function: fn });
  const async = new aws.AsyncWithDeadLetter(stack, 'async', { function: fn, qualifier: live });
  const alarms = new aws.FunctionAlarms(stack, 'alarms', {
    function: fn,
    qualifier: live,
    errors: { threshold: 5 },
    throttles: { threshold: 1, period: 300 },
    durationP99: { threshold: 2000, evaluationPeriods: 3, alarmActions: ['arn:aws:sns:eu-west-1:123456789012:oncall'] },
    deadLetterQueue: { queue: async.deadLetterQueue as SqsQueue, threshold: 1 },
  });
  const json = synth(stack);
  const byId = resources(json, 'aws_cloudwatch_metric_alarm');
  const of = (prefix: string) => Object.entries<any>(byId).find(([id]) => id.startsWith(prefix))![1];
  const dimensions = {
    FunctionName: '${aws_lambda_function.orders.function_name}',
    Resource: '${aws_lambda_function.orders.function_name}:${aws_lambda_alias.live.name}',
  };
  expect(of('alarms_Errors')).toEqual(
    expect.objectContaining({
      namespace: 'AWS/Lambda',
      metric_name: 'Errors',
      statistic: 'Sum',
      dimensions,
      threshold: 5,
      period: 60,
      evaluation_periods: 1,
      comparison_operator: 'GreaterThanOrEqualToThreshold',
      treat_missing_data: 'notBreaching',
      alarm_name: '${aws_lambda_function.orders.function_name}-live-errors',
    }),
  );
  expect(of('alarms_Throttles')).toEqual(expect.objectContaining({ metric_name: 'Throttles', statistic: 'Sum', period: 300, dimensions }));
  expect(of('alarms_DurationP99')).toEqual(
    expect.objectContaining({
      metric_name: 'Duration',
      extended_statistic: 'p99',
      threshold: 2000,
      evaluation_periods: 3,
      alarm_actions: ['arn:aws:sns:eu-west-1:123456789012:oncall'],
    }),
  );
  expect(of('alarms_DurationP99').statistic).toBeUndefined();
  expect(of('alarms_DeadLetterQueueDepth')).toEqual(
    expect.objectContaining({
      namespace: 'AWS/SQS',
      metric_name: 'ApproximateNumberOfMessagesVisible',
      statistic: 'Maximum',
      dimensions: { QueueName: expect.stringMatching(/^\$\{aws_sqs_queue\.async_DeadLetterQueue_[0-9A-F]{8}\.name\}$/) },
    }),
  );
  expect(alarms.errors && alarms.throttles && alarms.durationP99 && alarms.deadLetterQueue).toBeTruthy();
  expect(conformanceErrors(json, loadSchema('aws.json'), 'aws_')).toEqual([]);
});

test('for the whole function, only FunctionName; only the alarms asked for', () => {
  const { stack, fn } = setup();
  new aws.FunctionAlarms(stack, 'alarms', { function: fn, errors: { threshold: 1 } });
  const alarms = Object.values<any>(resources(synth(stack), 'aws_cloudwatch_metric_alarm'));
  expect(alarms).toHaveLength(1);
  expect(alarms[0].dimensions).toEqual({ FunctionName: '${aws_lambda_function.orders.function_name}' });
});

test.each([
  [{ errors: { threshold: 0 } }, 'errors.threshold must be an integer between 1 and 1000000, got 0'],
  [{ throttles: { threshold: 1, period: 90 } }, 'throttles.period must be an integer between 60 and 86400 and a multiple of 60, got 90'],
  [{ durationP99: { threshold: 100, evaluationPeriods: 0 } }, 'durationP99.evaluationPeriods must be an integer between 1 and 100, got 0'],
])('%j is refused', (props, message) => {
  const { stack, fn } = setup();
  expect(() => new aws.FunctionAlarms(stack, 'alarms', { function: fn, ...props })).toThrow(`[test/alarms] ${message}`);
});

// alicloud.FunctionAlarms: CloudMonitor rules on the FC 3.0 function metrics (project acs_fc,
// dimensions userId + region + functionName, statistic Value, 60-s period) and on an
// MNS dead-letter queue (acs_mns_new ActiveMessages), told to contact groups.
describe('alicloud', () => {
  const fcSetup = () => {
    const stack = fcStack();
    return { stack, fn: fcFn(stack) };
  };

  test('errors, both throttles metrics, p99 duration and dead letters: each metric with its dimensions, >= threshold for N periods, told to the contact groups', () => {
    const { stack, fn } = fcSetup();
    const async = new alicloud.AsyncWithDeadLetter(stack, 'async', { function: fn });
    const alarms = new alicloud.FunctionAlarms(stack, 'alarms', {
      function: fn,
      contactGroups: ['oncall'],
      tags: { team: 'orders' },
      errors: { threshold: 5 },
      throttles: { threshold: 1, evaluationPeriods: 3 },
      durationP99: { threshold: 2000 },
      deadLetterQueue: { queue: async.deadLetterQueue!, threshold: 1, period: 300 },
    });
    const json = synth(stack);
    const byId = resources(json, 'alicloud_cms_alarm');
    const of = (prefix: string) => Object.entries<any>(byId).find(([id]) => id.startsWith(prefix))![1];
    const account = of('alarms_Errors').metric_dimensions.match(/"userId":"([^"]+)"/)[1];
    expect(account).toMatch(/^\$\{/); // the stack's account, read at plan time (no literal accountId here)
    const fnDimensions = JSON.stringify([{ userId: account, region: 'cn-hangzhou', functionName: '${alicloud_fcv3_function.orders.function_name}' }]);
    const common = { project: 'acs_fc', metric_dimensions: fnDimensions, period: 60, contact_groups: ['oncall'], tags: { team: 'orders' } };
    expect(of('alarms_Errors')).toEqual({
      ...common,
      name: '${alicloud_fcv3_function.orders.function_name}-errors',
      metric: 'FunctionFunctionErrors',
      escalations_critical: { statistics: 'Value', comparison_operator: '>=', threshold: '5', times: 1 },
    });
    expect(of('alarms_Throttles')).toEqual(
      expect.objectContaining({
        ...common,
        metric: 'FunctionConcurrencyThrottles',
        name: '${alicloud_fcv3_function.orders.function_name}-throttles',
        escalations_critical: { statistics: 'Value', comparison_operator: '>=', threshold: '1', times: 3 },
      }),
    );
    expect(of('alarms_ResourceThrottles')).toEqual(
      expect.objectContaining({
        ...common,
        metric: 'FunctionResourceThrottles',
        name: '${alicloud_fcv3_function.orders.function_name}-resource-throttles',
        escalations_critical: { statistics: 'Value', comparison_operator: '>=', threshold: '1', times: 3 },
      }),
    );
    expect(of('alarms_DurationP99')).toEqual(
      expect.objectContaining({
        ...common,
        metric: 'FunctionP99Duration',
        escalations_critical: expect.objectContaining({ statistics: 'Value', threshold: '2000' }),
      }),
    );
    const dlq = of('alarms_DeadLetterQueueDepth');
    expect(dlq).toEqual(
      expect.objectContaining({
        project: 'acs_mns_new',
        metric: 'ActiveMessages',
        period: 300,
        name: '${alicloud_fcv3_function.orders.function_name}-dead-letters',
        escalations_critical: { statistics: 'Maximum', comparison_operator: '>=', threshold: '1', times: 1 },
      }),
    );
    expect(JSON.parse(dlq.metric_dimensions)).toEqual([
      {
        userId: account,
        region: 'cn-hangzhou',
        queue: expect.stringMatching(/^\$\{alicloud_message_service_queue\.async_DeadLetterQueue_[0-9A-F]{8}\.queue_name\}$/),
      },
    ]);
    expect(Object.keys(byId)).toHaveLength(5);
    expect(alarms.errors && alarms.throttles && alarms.resourceThrottles && alarms.durationP99 && alarms.deadLetterQueue).toBeTruthy();
    conforms(json);
  });

  test('only the alarms asked for; a contact group made in the stack is a reference', () => {
    const { stack, fn } = fcSetup();
    new alicloud.FunctionAlarms(stack, 'alarms', {
      function: fn,
      contactGroups: ['${alicloud_cms_alarm_contact_group.oncall.alarm_contact_group_name}'],
      durationP99: { threshold: 800 },
    });
    const alarms = Object.values<any>(resources(synth(stack), 'alicloud_cms_alarm'));
    expect(alarms).toHaveLength(1);
    expect(alarms[0].contact_groups).toEqual(['${alicloud_cms_alarm_contact_group.oncall.alarm_contact_group_name}']);
  });

  test('a threshold known only at plan time goes into the rule as a reference, not as a number token', () => {
    const { stack, fn } = fcSetup();
    const threshold = new TerraformVariable(stack, 'errors_threshold', { type: 'number' });
    new alicloud.FunctionAlarms(stack, 'alarms', { function: fn, contactGroups: ['oncall'], errors: { threshold: threshold.numberValue } });
    const [alarm] = Object.values<any>(resources(synth(stack), 'alicloud_cms_alarm'));
    expect(alarm.escalations_critical.threshold).toBe('${var.errors_threshold}');
  });

  test('an imported function is watched by its literal name in the region of its ARN', () => {
    const stack = fcStack();
    const legacy = alicloud.FunctionBase.fromFunctionAttributes(stack, 'legacy', { functionArn: 'acs:fc:cn-shanghai:1234567890123456:functions/legacy' });
    new alicloud.FunctionAlarms(stack, 'alarms', { function: legacy, contactGroups: ['oncall'], errors: { threshold: 1 } });
    const [alarm] = Object.values<any>(resources(synth(stack), 'alicloud_cms_alarm'));
    expect(JSON.parse(alarm.metric_dimensions)).toEqual([{ userId: '1234567890123456', region: 'cn-shanghai', functionName: 'legacy' }]);
    expect(alarm.name).toBe('legacy-errors');
  });

  test.each([
    [{ errors: { threshold: 0 } }, 'errors.threshold must be an integer between 1 and 1000000, got 0'],
    [
      { throttles: { threshold: 1, period: 300 } },
      'throttles.period must be 60 (FC 3.0 aggregates its metrics per 60 s; use evaluationPeriods for a longer window), got 300',
    ],
    [{ durationP99: { threshold: 100, evaluationPeriods: 101 } }, 'durationP99.evaluationPeriods must be an integer between 1 and 100, got 101'],
    [{ contactGroups: [] }, 'contactGroups must be at least one CloudMonitor contact group name (CloudMonitor tells contact groups only), got []'],
    [
      { deadLetterQueue: { queue: { queueName: 'dlq' }, threshold: 1, period: 90 } },
      'deadLetterQueue.period must be an integer between 60 and 86400 and a multiple of 60, got 90',
    ],
  ])('%j is refused', (props, message) => {
    const { stack, fn } = fcSetup();
    expect(() => new alicloud.FunctionAlarms(stack, 'alarms', { function: fn, contactGroups: ['oncall'], errors: { threshold: 1 }, ...props })).toThrow(
      `[test/alarms] ${message}`,
    );
  });
});
