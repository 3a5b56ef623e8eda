import { TerraformStack, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { alicloud, aws, Schedule } from '../lib';
import { makeFolder, only, warnings } from './helpers';

// The behaviours both clouds promise, run once per cloud through the same calls: the same names,
// the same meaning, the same messages. Only how each cloud writes them down differs, and that is
// what each adapter below reads back.

const code = makeFolder({ 'index.js': 'exports.handler = async () => 1;' }, 'code');
const base = makeFolder({ 'nodejs/node_modules/lib/index.js': 'base', 'nodejs/node_modules/lib/extra.js': 'x' }, 'base');
const patch = makeFolder({ 'nodejs/node_modules/lib/index.js': 'patched' }, 'patch');

interface Cloud {
  readonly stack: () => TerraformStack;
  readonly runtime: string;
  readonly ns: typeof aws | typeof alicloud;
  /** The synthesized layer ARNs of the function, in the order the cloud applies "later wins" to. */
  readonly layerOrderAsWritten: (json: any) => string[];
  /** Whether the cloud's own order is "later wins" (AWS) or "first wins" (FC3). */
  readonly laterWins: boolean;
  /** The alias's stable version and its extra weights as the JSON carries them. */
  readonly alias: (json: any) => { version: string; canary?: string };
  readonly asyncConfig: (json: any) => { retries: number; eventAge: number };
  readonly defaults: { retries: number; eventAge: number };
  readonly layerArn: string;
  readonly functionArn: string;
  /** Actions the role policy of the function with this construct id grants, and on what. */
  readonly roleGrants: (json: any, id: string) => { actions: string[]; resources: string[] }[];
  /** The invoke action and the function name as the role statement writes it. */
  readonly invoke: { action: string; names: (name: string) => boolean };
  /** What the triggers of the library point at and how they run, as the JSON carries it. */
  readonly schedule: (json: any) => { expression: string; target: string };
  readonly http: (json: any) => { target: string };
  readonly queue: (json: any) => { batchSize: number; target: string };
  /** How the JSON names the alias "live" of the function "orders". */
  readonly aliasRef: string;
  /** A queue of the cloud, made elsewhere. */
  readonly existingQueue: object;
  /** What the cloud needs besides the function to tell someone an alarm fired. */
  readonly alarmRecipients: object;
  /** Each alarm as the JSON carries it: metric, threshold, consecutive periods and the function it watches. */
  readonly alarms: (json: any) => { metric: string; threshold: number; periods: number; watches: string }[];
}

const CLOUDS: { [name: string]: Cloud } = {
  aws: {
    stack: () => {
      const s = new TerraformStack(Testing.app(), 'test');
      new AwsProvider(s, 'aws', { region: 'eu-west-1' });
      return s;
    },
    runtime: 'nodejs22.x',
    ns: aws,
    layerOrderAsWritten: (json) => only(json, 'aws_lambda_function').layers,
    laterWins: true,
    alias: (json) => {
      const a = only(json, 'aws_lambda_alias');
      return { version: a.function_version, canary: JSON.stringify(a.routing_config ?? a.dynamic?.routing_config ?? null) };
    },
    asyncConfig: (json) => {
      const c = only(json, 'aws_lambda_function_event_invoke_config');
      return { retries: c.maximum_retry_attempts, eventAge: c.maximum_event_age_in_seconds };
    },
    defaults: { retries: 2, eventAge: 21600 },
    layerArn: 'arn:aws:lambda:eu-west-1:123456789012:layer:otel:7',
    functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:legacy',
    roleGrants: (json, id) =>
      JSON.parse(Object.entries<any>(json.resource.aws_iam_role_policy).find(([k]) => k.startsWith(`${id}_`))![1].policy).Statement.map((s: any) => ({
        actions: [].concat(s.Action),
        resources: [].concat(s.Resource),
      })),
    invoke: { action: 'lambda:InvokeFunction', names: (r) => r.startsWith('${aws_lambda_function.orders.arn}') },
    schedule: (json) => {
      const s = only(json, 'aws_scheduler_schedule');
      return { expression: s.schedule_expression, target: s.target.arn };
    },
    http: (json) => ({ target: only(json, 'aws_lambda_function_url').qualifier }),
    queue: (json) => {
      const m = only(json, 'aws_lambda_event_source_mapping');
      return { batchSize: m.batch_size, target: m.function_name };
    },
    aliasRef: '${aws_lambda_alias.live.',
    existingQueue: { arn: 'arn:aws:sqs:eu-west-1:123456789012:jobs' },
    alarmRecipients: { alarmActions: ['arn:aws:sns:eu-west-1:123456789012:oncall'] },
    alarms: (json) =>
      Object.values<any>(json.resource.aws_cloudwatch_metric_alarm).map((a) => ({
        metric: a.metric_name,
        threshold: a.threshold,
        periods: a.evaluation_periods,
        watches: a.dimensions.FunctionName,
      })),
  },
  alicloud: {
    stack: () => {
      const s = new TerraformStack(Testing.app(), 'test');
      new alicloud.AlicloudProvider(s, 'alicloud', { region: 'cn-hangzhou' });
      return s;
    },
    runtime: 'nodejs20',
    ns: alicloud,
    layerOrderAsWritten: (json) => only(json, 'alicloud_fcv3_function').layers,
    laterWins: false,
    alias: (json) => {
      const a = only(json, 'alicloud_fcv3_alias');
      return { version: a.version_id, canary: JSON.stringify(a.additional_version_weight ?? null) };
    },
    asyncConfig: (json) => {
      const c = only(json, 'alicloud_fcv3_async_invoke_config');
      return { retries: c.max_async_retry_attempts, eventAge: c.max_async_event_age_in_seconds };
    },
    defaults: { retries: 3, eventAge: 86400 },
    layerArn: 'acs:fc:cn-hangzhou:1234567890123456:layers/otel/versions/7',
    functionArn: 'acs:fc:cn-hangzhou:1234567890123456:functions/legacy',
    roleGrants: (json, id) =>
      JSON.parse(Object.entries<any>(json.resource.alicloud_ram_policy).find(([k]) => k.startsWith(`${id}_`))![1].policy_document).Statement.map((s: any) => ({
        actions: s.Action,
        resources: s.Resource,
      })),
    invoke: { action: 'fc:InvokeFunction', names: (r) => r.endsWith(':functions/${alicloud_fcv3_function.orders.function_name}') },
    schedule: (json) => {
      const t = Object.values<any>(json.resource.alicloud_fcv3_trigger).find((x) => x.trigger_type === 'timer');
      return { expression: JSON.parse(t.trigger_config).cronExpression, target: t.qualifier };
    },
    http: (json) => ({ target: Object.values<any>(json.resource.alicloud_fcv3_trigger).find((x) => x.trigger_type === 'http').qualifier }),
    queue: (json) => {
      const t = Object.values<any>(json.resource.alicloud_fcv3_trigger).find((x) => x.trigger_type === 'eventbridge');
      return { batchSize: JSON.parse(t.trigger_config).runOptions.batchWindow.CountBasedWindow, target: t.qualifier };
    },
    aliasRef: '${alicloud_fcv3_alias.live.',
    existingQueue: { queueName: 'jobs' },
    alarmRecipients: { contactGroups: ['oncall'] },
    alarms: (json) =>
      Object.values<any>(json.resource.alicloud_cms_alarm).map((a) => ({
        metric: a.metric,
        threshold: Number(a.escalations_critical.threshold),
        periods: a.escalations_critical.times,
        watches: JSON.parse(a.metric_dimensions)[0].functionName,
      })),
  },
};

const synth = (stack: TerraformStack) => JSON.parse(Testing.synth(stack, true));
const AWS_IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web@sha256:' + 'a'.repeat(64);
const ALICLOUD_IMAGE = 'registry.cn-hangzhou.aliyuncs.com/team/web@sha256:' + 'a'.repeat(64);

describe.each(Object.entries(CLOUDS))('%s', (_name, cloud) => {
  // The namespaces are structurally alike; `any` lets one test body drive either of them.
  const ns = cloud.ns as any;
  const fn = (stack: TerraformStack, props: object = {}) =>
    new ns.LayeredFunction(stack, 'orders', { functionName: 'orders', runtime: cloud.runtime, handler: 'index.handler', code, ...props });

  test('a later layer overrides the same file of an earlier one: the same winner, written in the order the cloud needs', () => {
    const stack = cloud.stack();
    const first = new ns.Layer(stack, 'base', { path: base, compatibleRuntimes: [cloud.runtime], layerName: 'base' });
    const second = new ns.Layer(stack, 'patch', { path: patch, compatibleRuntimes: [cloud.runtime], layerName: 'patch' });
    const f = fn(stack, { layers: [first, second] });
    expect(warnings(f)).toEqual([
      'layers: file "nodejs/node_modules/lib/index.js" is in layers "base", "patch"; "patch" wins (a later layer overrides the same file of an earlier one)',
    ]);
    const written = cloud.layerOrderAsWritten(synth(stack));
    const winnerIndex = written.findIndex((arn) => arn.includes('.patch.'));
    expect(winnerIndex).toBe(cloud.laterWins ? written.length - 1 : 0);
  });

  test('canary: 5 % to the latest version, then promote with weight 0 (no split left)', () => {
    const stack = cloud.stack();
    new ns.CanaryAlias(stack, 'live', { function: fn(stack), stableVersion: '3', canaryWeight: 0.05 });
    const split = cloud.alias(synth(stack));
    expect(split.version).toBe('3');
    expect(split.canary).toContain('0.05');
    const promoted = cloud.stack();
    new ns.CanaryAlias(promoted, 'live', { function: fn(promoted), stableVersion: '4', canaryWeight: 0 });
    expect(cloud.alias(synth(promoted))).toEqual({ version: '4', canary: 'null' });
  });

  test("grantInvoke(another function): the caller's role may invoke the function, and nothing else is granted to it", () => {
    const stack = cloud.stack();
    const target = fn(stack);
    const caller = new ns.LayeredFunction(stack, 'caller', { functionName: 'caller', runtime: cloud.runtime, handler: 'index.handler', code });
    target.grantInvoke(caller);
    const invoke = cloud.roleGrants(synth(stack), 'caller').filter((g) => g.actions.includes(cloud.invoke.action));
    expect(invoke).toHaveLength(1);
    expect(invoke[0].actions).toEqual([cloud.invoke.action]);
    expect(invoke[0].resources.every(cloud.invoke.names)).toBe(true);
  });

  test("triggers on an alias: a schedule (the same Schedule in the cloud's syntax), HTTP and a queue all target the alias", () => {
    const stack = cloud.stack();
    const f = fn(stack);
    const live = new ns.CanaryAlias(stack, 'live', { function: f });
    new ns.ScheduleTrigger(stack, 'nightly', { function: f, qualifier: live, schedule: Schedule.rate(5) });
    new ns.HttpTrigger(stack, 'http', { function: f, qualifier: live });
    new ns.QueueTrigger(stack, 'jobs', { function: f, qualifier: live, queue: cloud.existingQueue, batchSize: 7 });
    const json = synth(stack);
    const schedule = cloud.schedule(json);
    expect(schedule.expression).toBe(cloud.ns === aws ? 'rate(5 minutes)' : '@every 5m');
    for (const target of [schedule.target, cloud.http(json).target, cloud.queue(json).target]) expect(target.startsWith(cloud.aliasRef)).toBe(true);
    expect(cloud.queue(json).batchSize).toBe(7);
  });

  test('httpTrigger on a LayeredFunction, as on CustomImageFunction: one HTTP endpoint on the given qualifier; `url` only when set', () => {
    const stack = cloud.stack();
    const f = fn(stack, { httpTrigger: { qualifier: 'live' } });
    expect(cloud.http(synth(stack)).target).toBe('live');
    expect(typeof f.url).toBe('string');
    const image = new ns.CustomImageFunction(stack, 'web', { image: cloud.ns === aws ? AWS_IMAGE : ALICLOUD_IMAGE, httpTrigger: { qualifier: 'live' } });
    expect(Object.keys(image.httpTrigger.toTerraform().resource)).toEqual(Object.keys(f.httpTrigger.toTerraform().resource));
    expect(fn(cloud.stack()).url).toBeUndefined();
  });

  test('alarms: errors, throttles and p99 duration of the function, at or above the threshold for N periods', () => {
    const stack = cloud.stack();
    const alarms = new ns.FunctionAlarms(stack, 'alarms', {
      function: fn(stack),
      ...cloud.alarmRecipients,
      errors: { threshold: 5, evaluationPeriods: 2 },
      throttles: { threshold: 1 },
      durationP99: { threshold: 2000 },
    });
    expect(alarms.errors && alarms.throttles && alarms.durationP99).toBeTruthy();
    const written = cloud.alarms(synth(stack));
    // FC3 has two throttles metrics (concurrency and instance limits), so a rule each.
    expect(written).toHaveLength(cloud.ns === aws ? 3 : 4);
    const functionName = cloud.ns === aws ? '${aws_lambda_function.orders.function_name}' : '${alicloud_fcv3_function.orders.function_name}';
    for (const a of written) expect(a.watches).toBe(functionName);
    expect(written.filter((a) => /Errors$/.test(a.metric)).map((a) => [a.threshold, a.periods])).toEqual([[5, 2]]);
    expect(written.filter((a) => /Throttles$/.test(a.metric)).every((a) => a.threshold === 1 && a.periods === 1)).toBe(true);
    expect(written.filter((a) => /Duration$/.test(a.metric)).map((a) => a.threshold)).toEqual([2000]);
  });

  test("async defaults are the cloud's own documented ones; explicit values are passed through", () => {
    const stack = cloud.stack();
    new ns.AsyncWithDeadLetter(stack, 'async', { function: fn(stack) });
    expect(cloud.asyncConfig(synth(stack))).toEqual(cloud.defaults);
    const explicit = cloud.stack();
    new ns.AsyncWithDeadLetter(explicit, 'async', { function: fn(explicit), retryAttempts: 1, maxEventAge: 600 });
    expect(cloud.asyncConfig(synth(explicit))).toEqual({ retries: 1, eventAge: 600 });
  });

  test('one import story: existing layers and functions by ARN, as constructs of the tree', () => {
    const stack = cloud.stack();
    const layer = ns.Layer.fromLayerVersionArn(stack, 'otel', cloud.layerArn);
    const legacy = ns.FunctionBase.fromFunctionAttributes(stack, 'legacy', { functionArn: cloud.functionArn, version: '12', roleName: 'legacy-role' });
    expect([layer.node.path, layer.arn, layer.cloud]).toEqual(['test/otel', cloud.layerArn, _name]);
    expect([legacy.node.path, legacy.functionName, legacy.arn, legacy.version, legacy.cloud]).toEqual([
      'test/legacy',
      'legacy',
      cloud.functionArn,
      '12',
      _name,
    ]);
    fn(stack, { layers: [layer] });
    new ns.CanaryAlias(stack, 'live', { function: legacy, stableVersion: '11', canaryWeight: 0.1 });
    expect(cloud.alias(synth(stack))).toEqual({ version: '11', canary: expect.stringContaining('0.1') });
  });

  test.each([
    [
      'canaryWeight above 1',
      (s: TerraformStack) => new ns.CanaryAlias(s, 'live', { function: fn(s), stableVersion: '1', canaryWeight: 1.5 }),
      '[test/live] canaryWeight must be a number between 0 and 1, got 1.5',
    ],
    [
      '$LATEST as stable version',
      (s: TerraformStack) => new ns.CanaryAlias(s, 'live', { function: fn(s), stableVersion: '$LATEST' }),
      '[test/live] stableVersion must be a published version number such as "1" (not $LATEST), got "$LATEST"',
    ],
    [
      'a canary weight without a stable version',
      (s: TerraformStack) => new ns.CanaryAlias(s, 'live', { function: fn(s), canaryWeight: 0.1 }),
      '[test/live] stableVersion must be set when canaryVersion or a canaryWeight above 0 is given (the alias needs a version to split from), got nothing',
    ],
    [
      'six layers',
      (s: TerraformStack) => fn(s, { layers: [1, 2, 3, 4, 5, 6].map((n) => new ns.Layer(s, `l${n}`, { path: base, compatibleRuntimes: [cloud.runtime] })) }),
      '[test/orders] layers must have at most 5 layers, got 6',
    ],
    [
      'a missing code folder',
      (s: TerraformStack) => fn(s, { code: '/nonexistent/code' }),
      '[test/orders] code must be an existing folder, got "/nonexistent/code" (not found)',
    ],
    [
      'the failure handler being the function itself',
      (s: TerraformStack) => {
        const f = fn(s);
        return new ns.AsyncWithDeadLetter(s, 'async', { function: f, onFailure: f });
      },
      '[test/async] onFailure must be a function other than the one invoked (its failures would loop back into it), got "test/orders"',
    ],
    [
      'a buffer visibility below the function timeout',
      (s: TerraformStack) => new ns.AsyncWithDeadLetter(s, 'async', { function: fn(s, { timeout: 10 }), buffer: { visibilityTimeout: 5 } }),
      '[test/async] buffer.visibilityTimeout must be at least the function timeout (10 s; 6 × is recommended: 60 s), got 5',
    ],
  ])('the same message for %s', (_what, build, message) => {
    const stack = cloud.stack();
    expect(() => build(stack)).toThrow(message);
  });
});
