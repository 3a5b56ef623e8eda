import { TerraformStack, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { alicloud, aws, Schedule } from '../lib';
import { conformanceErrors, loadSchema } from './conformance';
import { makeFolder, only, statements, synth } from './helpers';

// ScheduleTrigger: one Schedule, written in each cloud's syntax, invoking a function or its alias.

const code = makeFolder({ 'index.js': 'exports.handler = async () => 1;' }, 'schedule-code');

describe('Schedule expressions', () => {
  test.each([
    ['rate(1 minute)', '@every 1m', Schedule.rate(1)],
    ['rate(15 minutes)', '@every 15m', Schedule.rate(15)],
    ['cron(0 4 * * ? *)', '0 0 4 * * *', Schedule.cron({ minute: '0', hour: '4' })],
    ['cron(30 8 ? * MON-FRI *)', '0 30 8 * * MON-FRI', Schedule.cron({ minute: '30', hour: '8', weekDay: 'MON-FRI' })],
    ['cron(*/15 * 1 1,7 ? *)', '0 */15 * 1 1,7 *', Schedule.cron({ minute: '*/15', day: '1', month: '1,7' })],
  ])('AWS %s, FC %s', (awsExpression, fcExpression, schedule) => {
    expect(schedule.toAws()).toBe(awsExpression);
    expect(schedule.toFc()).toBe(fcExpression);
  });
});

describe('aws.ScheduleTrigger', () => {
  function setup() {
    const stack = new TerraformStack(Testing.app(), 'test');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    const fn = new aws.LayeredFunction(stack, 'report', { functionName: 'report', runtime: 'nodejs22.x', handler: 'index.handler', code });
    return { stack, fn };
  }

  test('EventBridge Scheduler invokes the alias with a role that may only invoke it; the schedule waits for the permission', () => {
    const { stack, fn } = setup();
    const live = new aws.CanaryAlias(stack, 'live', { function: fn });
    new aws.ScheduleTrigger(stack, 'nightly', {
      function: fn,
      qualifier: live,
      schedule: Schedule.cron({ minute: '0', hour: '2' }),
      payload: '{"kind":"nightly"}',
    });
    const json = synth(stack);
    const schedule = only(json, 'aws_scheduler_schedule');
    expect(schedule).toEqual(
      expect.objectContaining({
        name: expect.stringMatching(/^test-nightly-[0-9a-f]{8}$/),
        schedule_expression: 'cron(0 2 * * ? *)',
        flexible_time_window: { mode: 'OFF' },
        target: {
          arn: '${aws_lambda_alias.live.arn}',
          role_arn: expect.stringMatching(/^\$\{aws_iam_role\.nightly_Role_[0-9A-F]{8}\.arn\}$/),
          input: '{"kind":"nightly"}',
        },
        depends_on: [expect.stringMatching(/^aws_iam_role_policy\.nightly_RolePolicy_[0-9A-F]{8}$/)],
      }),
    );
    const roles = Object.entries<any>(json.resource.aws_iam_role).find(([id]) => id.startsWith('nightly'))![1];
    // Only schedules of the deploying account may use the role (confused deputy).
    expect(JSON.parse(roles.assume_role_policy)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'scheduler.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: {
            StringEquals: { 'aws:SourceAccount': expect.stringMatching(/^\$\{data\.aws_caller_identity\.nightly_Account_[0-9A-F]{8}\.account_id\}$/) },
          },
        },
      ],
    });
    expect(Object.values(json.data.aws_caller_identity)).toEqual([{}]);
    const policy = Object.entries<any>(json.resource.aws_iam_role_policy).find(([id]) => id.startsWith('nightly'))![1];
    expect(statements(policy.policy)).toEqual([
      { Sid: 'InvokeTarget', Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: '${aws_lambda_alias.live.arn}' },
    ]);
    expect(conformanceErrors(json, loadSchema('aws.json'), 'aws_')).toEqual([]);
  });

  test.each([
    ['schedule (rate minutes) must be an integer of at least 1, got 0', Schedule.rate(0)],
    ['schedule.hour must be numbers, "*", ranges "a-b", steps "/n" or lists of them, got "25h"', Schedule.cron({ hour: '25h' })],
    ['schedule.weekDay must be day names (SUN-SAT), ranges or lists of them, got "1-5"', Schedule.cron({ weekDay: '1-5' })],
    [
      'schedule.day must be left out (or "*") when weekDay is set (a schedule runs on days of the month or days of the week), got "1"',
      Schedule.cron({ day: '1', weekDay: 'MON' }),
    ],
  ])('%s', (message, schedule) => {
    const { stack, fn } = setup();
    expect(() => new aws.ScheduleTrigger(stack, 'nightly', { function: fn, schedule })).toThrow(`[test/nightly] ${message}`);
  });
});

describe('alicloud.ScheduleTrigger', () => {
  test('an FC timer trigger on the alias with the same schedule, in FC syntax; no role', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    const fn = new alicloud.LayeredFunction(stack, 'report', { functionName: 'report', runtime: 'nodejs20', handler: 'index.handler', code });
    const live = new alicloud.CanaryAlias(stack, 'live', { function: fn });
    new alicloud.ScheduleTrigger(stack, 'nightly', {
      function: fn,
      qualifier: live,
      schedule: Schedule.cron({ minute: '0', hour: '2' }),
      payload: '{"kind":"nightly"}',
    });
    const json = synth(stack);
    const trigger = only(json, 'alicloud_fcv3_trigger');
    expect(trigger).toEqual(
      expect.objectContaining({
        trigger_type: 'timer',
        qualifier: '${alicloud_fcv3_alias.live.alias_name}',
        function_name: '${alicloud_fcv3_function.report.function_name}',
      }),
    );
    expect(JSON.parse(trigger.trigger_config)).toEqual({ cronExpression: '0 0 2 * * *', enable: true, payload: '{"kind":"nightly"}' });
    expect(json.resource.alicloud_ram_policy).toBeUndefined();
    expect(conformanceErrors(json, loadSchema('alicloud.json'), 'alicloud_')).toEqual([]);
  });

  test('without a payload the config sends the empty payload FC reads back, so the exact-JSON comparison finds no diff', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    const fn = new alicloud.LayeredFunction(stack, 'report', { functionName: 'report', runtime: 'nodejs20', handler: 'index.handler', code });
    new alicloud.ScheduleTrigger(stack, 'nightly', { function: fn, schedule: Schedule.rate(5) });
    const trigger = only(synth(stack), 'alicloud_fcv3_trigger');
    expect(JSON.parse(trigger.trigger_config)).toEqual({ cronExpression: '@every 5m', enable: true, payload: '' });
  });
});
