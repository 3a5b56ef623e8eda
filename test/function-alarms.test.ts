import { TerraformStack, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { aws } from '../lib';
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
    function: fn, qualifier: live,
    errors: { threshold: 5 }, throttles: { threshold: 1, period: 300 }, durationP99: { threshold: 2000, evaluationPeriods: 3, alarmActions: ['arn:aws:sns:eu-west-1:123456789012:oncall'] },
    deadLetterQueue: { queue: async.deadLetterQueue as SqsQueue, threshold: 1 },
  });
  const json = synth(stack);
  const byId = resources(json, 'aws_cloudwatch_metric_alarm');
  const of = (prefix: string) => Object.entries<any>(byId).find(([id]) => id.startsWith(prefix))![1];
  const dimensions = { FunctionName: '${aws_lambda_function.orders.function_name}', Resource: '${aws_lambda_function.orders.function_name}:${aws_lambda_alias.live.name}' };
  expect(of('alarms_Errors')).toEqual(expect.objectContaining({ namespace: 'AWS/Lambda', metric_name: 'Errors', statistic: 'Sum', dimensions, threshold: 5, period: 60, evaluation_periods: 1, comparison_operator: 'GreaterThanOrEqualToThreshold', treat_missing_data: 'notBreaching', alarm_name: '${aws_lambda_function.orders.function_name}-live-errors' }));
  expect(of('alarms_Throttles')).toEqual(expect.objectContaining({ metric_name: 'Throttles', statistic: 'Sum', period: 300, dimensions }));
  expect(of('alarms_DurationP99')).toEqual(expect.objectContaining({ metric_name: 'Duration', extended_statistic: 'p99', threshold: 2000, evaluation_periods: 3, alarm_actions: ['arn:aws:sns:eu-west-1:123456789012:oncall'] }));
  expect(of('alarms_DurationP99').statistic).toBeUndefined();
  expect(of('alarms_DeadLetterQueueDepth')).toEqual(expect.objectContaining({ namespace: 'AWS/SQS', metric_name: 'ApproximateNumberOfMessagesVisible', statistic: 'Maximum', dimensions: { QueueName: expect.stringMatching(/^\$\{aws_sqs_queue\.async_DeadLetterQueue_[0-9A-F]{8}\.name\}$/) } }));
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
