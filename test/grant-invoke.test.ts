import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { alicloud, aws } from '../lib';
import { conformanceErrors, loadSchema } from './conformance';
import { makeFolder, only, resources, statements, synth, warnings } from './helpers';

// grantInvoke on functions and aliases: another function's role gets the invoke statement, or a
// principal gets a permission (AWS) or a policy on its RAM role (FC3). Every reference waits for
// what it names.

const code = makeFolder({ 'index.js': 'exports.handler = async () => 1;' }, 'grant-code');

function awsSetup() {
  const stack = new TerraformStack(Testing.app(), 'test');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  const target = new aws.LayeredFunction(stack, 'orders', { functionName: 'orders', runtime: 'nodejs22.x', handler: 'index.handler', code });
  const caller = new aws.LayeredFunction(stack, 'caller', { functionName: 'caller', runtime: 'nodejs22.x', handler: 'index.handler', code });
  return { stack, target, caller };
}

function fcSetup() {
  const stack = new TerraformStack(Testing.app(), 'test');
  new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou', accountId: '1234567890123456' });
  const target = new alicloud.LayeredFunction(stack, 'orders', { functionName: 'orders', runtime: 'nodejs20', handler: 'index.handler', code });
  const caller = new alicloud.LayeredFunction(stack, 'caller', { functionName: 'caller', runtime: 'nodejs20', handler: 'index.handler', code });
  return { stack, target, caller };
}

const conformsAws = (json: any) => expect(conformanceErrors(json, loadSchema('aws.json'), 'aws_')).toEqual([]);
const conformsFc = (json: any) => expect(conformanceErrors(json, loadSchema('alicloud.json'), 'alicloud_')).toEqual([]);

describe('aws grantInvoke', () => {
  test('to another function: its role may invoke the function and any of its versions and aliases', () => {
    const { stack, target, caller } = awsSetup();
    target.grantInvoke(caller);
    const json = synth(stack);
    const policy = Object.entries<any>(resources(json, 'aws_iam_role_policy')).find(([id]) => id.startsWith('caller'))![1];
    expect(statements(policy.policy).find((s: any) => s.Sid === 'InvokeFunction')).toEqual({
      Sid: 'InvokeFunction',
      Effect: 'Allow',
      Action: 'lambda:InvokeFunction',
      Resource: ['${aws_lambda_function.orders.arn}', '${aws_lambda_function.orders.arn}:*'],
    });
    expect(resources(json, 'aws_lambda_permission')).toEqual({});
  });

  test('through an alias: the role may invoke the alias only', () => {
    const { stack, target, caller } = awsSetup();
    const live = new aws.CanaryAlias(stack, 'live', { function: target });
    live.grantInvoke(caller);
    const policy = Object.entries<any>(resources(synth(stack), 'aws_iam_role_policy')).find(([id]) => id.startsWith('caller'))![1];
    expect(statements(policy.policy).find((s: any) => s.Sid === 'InvokeFunction').Resource).toBe('${aws_lambda_alias.live.arn}');
  });

  test('to a service principal on the alias: a permission naming function and alias by reference, with the source conditions', () => {
    const { stack, target } = awsSetup();
    const live = new aws.CanaryAlias(stack, 'live', { function: target });
    const permission = live.grantInvoke('events.amazonaws.com', {
      sourceArn: 'arn:aws:events:eu-west-1:123456789012:rule/nightly',
      sourceAccount: '123456789012',
    });
    const json = synth(stack);
    expect(only(json, 'aws_lambda_permission')).toEqual({
      statement_id: expect.stringMatching(/^test-live-[0-9a-f]{8}$/),
      action: 'lambda:InvokeFunction',
      function_name: '${aws_lambda_function.orders.function_name}',
      qualifier: '${aws_lambda_alias.live.name}',
      principal: 'events.amazonaws.com',
      source_arn: 'arn:aws:events:eu-west-1:123456789012:rule/nightly',
      source_account: '123456789012',
    });
    expect(permission).toBeDefined();
    expect(warnings(live)).toEqual([]);
    conformsAws(json);
  });

  test('two principals get two permissions with distinct statement ids; a service principal without conditions only with allowAnySource', () => {
    const { stack, target } = awsSetup();
    target.grantInvoke('123456789012');
    target.grantInvoke('s3.amazonaws.com', { allowAnySource: true });
    const permissions = Object.values<any>(resources(synth(stack), 'aws_lambda_permission'));
    expect(permissions.map((p) => p.principal).sort()).toEqual(['123456789012', 's3.amazonaws.com']);
    expect(new Set(permissions.map((p) => p.statement_id)).size).toBe(2);
    expect(permissions.every((p) => p.qualifier === undefined && p.source_arn === undefined && p.source_account === undefined)).toBe(true);
    expect(warnings(target)).toEqual([]);
  });

  test('a service principal without sourceArn or sourceAccount is refused, naming the opt-in; with sourceAccount it passes', () => {
    const { stack, target } = awsSetup();
    expect(() => target.grantInvoke('s3.amazonaws.com')).toThrow(
      '[test/orders] grantInvoke options must name sourceArn or sourceAccount for service principal "s3.amazonaws.com" (without them any s3.amazonaws.com resource of any account may invoke the function), or allowAnySource: true to accept that, got {}',
    );
    expect(() => target.grantInvoke('s3.amazonaws.com', { allowAnySource: false })).toThrow('got {"allowAnySource":false}');
    target.grantInvoke('s3.amazonaws.com', { sourceAccount: '123456789012' });
    expect(only(synth(stack), 'aws_lambda_permission')).toEqual(expect.objectContaining({ principal: 's3.amazonaws.com', source_account: '123456789012' }));
  });

  test.each([
    [
      '*',
      undefined,
      'grantInvoke principal must be a service principal (e.g. "events.amazonaws.com"), a 12-digit account ID or an IAM role or user ARN ("*" is refused: a public function is a function URL), got "*"',
    ],
    ['acs:ram::1234567890123456:role/x', undefined, 'grantInvoke principal must be a service principal'],
    ['events.amazonaws.com', { sourceAccount: '1234' }, 'grantInvoke sourceAccount must be a 12-digit account ID, got "1234"'],
    ['events.amazonaws.com', { sourceArn: 'rule/nightly' }, 'grantInvoke sourceArn must be an ARN ("arn:aws:<service>:…"), got "rule/nightly"'],
    [
      'events.amazonaws.com',
      { sourceAccount: '123456789012', allowAnySource: true },
      'grantInvoke allowAnySource must be left out with sourceArn or sourceAccount, or for a principal that is not a service, got true',
    ],
    [
      '123456789012',
      { allowAnySource: true },
      'grantInvoke allowAnySource must be left out with sourceArn or sourceAccount, or for a principal that is not a service, got true',
    ],
    ['events.amazonaws.com', { allowAnySource: 'yes' as unknown as boolean }, 'grantInvoke allowAnySource must be one of true, false, got "yes"'],
  ])('%s %j is refused', (principal, options, message) => {
    const { target } = awsSetup();
    expect(() => target.grantInvoke(principal, options)).toThrow(`[test/orders] ${message}`);
  });

  test('conditions are refused for a function grantee', () => {
    const { target, caller } = awsSetup();
    expect(() => target.grantInvoke(caller, { sourceAccount: '123456789012' })).toThrow(
      '[test/orders] grantInvoke options must be left out when the grantee is a function (its role is granted; conditions apply to principals), got {"sourceAccount":"123456789012"}',
    );
  });
});

describe('one statement per grant (role policies on both clouds)', () => {
  test('AWS: the same actions on the same resources from two constructs (two references, actions in another order) are one statement', () => {
    const { stack, target, caller } = awsSetup();
    target.grantInvoke(caller);
    target.grantInvoke(caller);
    const queue = new TerraformVariable(stack, 'queue', { type: 'string' });
    caller.addToRolePolicy({ sid: 'Send', actions: ['sqs:SendMessage', 'sqs:GetQueueUrl'], resources: [queue.stringValue] });
    caller.addToRolePolicy({ sid: 'Send', actions: ['sqs:GetQueueUrl', 'sqs:SendMessage'], resources: [queue.stringValue] });
    const policy = Object.entries<any>(resources(synth(stack), 'aws_iam_role_policy')).find(([id]) => id.startsWith('caller'))![1];
    expect(statements(policy.policy).filter((st: any) => st.Sid !== 'WriteLogs')).toEqual([
      {
        Sid: 'InvokeFunction',
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: ['${aws_lambda_function.orders.arn}', '${aws_lambda_function.orders.arn}:*'],
      },
      { Sid: 'Send', Effect: 'Allow', Action: ['sqs:SendMessage', 'sqs:GetQueueUrl'], Resource: '${var.queue}' },
    ]);
  });

  test('Alibaba Cloud: the same actions on the same resources from two constructs are one statement; another resource is another', () => {
    const { stack, target } = fcSetup();
    const queue = new TerraformVariable(stack, 'queue', { type: 'string' });
    const other = new TerraformVariable(stack, 'other', { type: 'string' });
    target.addToRolePolicy({ actions: ['mns:SendMessage', 'mns:GetQueueAttributes'], resources: [queue.stringValue] });
    target.addToRolePolicy({ actions: ['mns:GetQueueAttributes', 'mns:SendMessage'], resources: [queue.stringValue] });
    target.addToRolePolicy({ actions: ['mns:SendMessage'], resources: [other.stringValue] });
    const policy = Object.entries<any>(resources(synth(stack), 'alicloud_ram_policy')).find(([id]) => id.startsWith('orders'))![1];
    expect(JSON.parse(policy.policy_document).Statement).toEqual([
      { Effect: 'Allow', Action: ['mns:SendMessage', 'mns:GetQueueAttributes'], Resource: ['${var.queue}'] },
      { Effect: 'Allow', Action: ['mns:SendMessage'], Resource: ['${var.other}'] },
    ]);
  });
});

describe('alicloud grantInvoke', () => {
  test('to another function, on the function or through an alias: its role gets fc:InvokeFunction on the function', () => {
    const { stack, target, caller } = fcSetup();
    target.grantInvoke(caller);
    new alicloud.CanaryAlias(stack, 'live', { function: target }).grantInvoke(caller);
    const json = synth(stack);
    const policy = Object.entries<any>(resources(json, 'alicloud_ram_policy')).find(([id]) => id.startsWith('caller'))![1];
    // FC authorizes the function whatever the qualifier: both grants are the same one statement.
    expect(JSON.parse(policy.policy_document).Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['fc:InvokeFunction'],
        Resource: ['acs:fc:cn-hangzhou:1234567890123456:functions/${alicloud_fcv3_function.orders.function_name}'],
      },
    ]);
    conformsFc(json);
  });

  test('to a RAM role by ARN: a custom policy with the statement, attached to that role', () => {
    const { stack, target } = fcSetup();
    target.grantInvoke('acs:ram::1234567890123456:role/reporting');
    const json = synth(stack);
    const policy = only(json, 'alicloud_ram_policy');
    expect(JSON.parse(policy.policy_document).Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['fc:InvokeFunction'],
        Resource: ['acs:fc:cn-hangzhou:1234567890123456:functions/${alicloud_fcv3_function.orders.function_name}'],
      },
    ]);
    expect(only(json, 'alicloud_ram_role_policy_attachment')).toEqual(expect.objectContaining({ role_name: 'reporting', policy_type: 'Custom' }));
    conformsFc(json);
  });

  test('a RAM role made in the same program: the attachment takes the name from its ARN reference', () => {
    const { stack, target } = fcSetup();
    const arn = new TerraformVariable(stack, 'role', { type: 'string' }).stringValue;
    target.grantInvoke(arn);
    expect(only(synth(stack), 'alicloud_ram_role_policy_attachment').role_name).toBe('${element(split("/", var.role), 1)}');
  });

  test.each([
    [
      'eventbridge.aliyuncs.com',
      undefined,
      'grantInvoke principal must be a RAM role ARN ("acs:ram::<account>:role/<name>"): FC3 has no resource-based invoke permission, and services invoke through a trigger\'s invocation role, got "eventbridge.aliyuncs.com"',
    ],
    [
      'acs:ram::1234567890123456:role/reporting',
      { sourceAccount: '1234567890123456' },
      'grantInvoke options must be left out on FC3 (conditions on the caller are AWS resource-permission settings; FC3 authorizes the caller\'s RAM identity), got {"sourceAccount":"1234567890123456"}',
    ],
    [
      'acs:ram::1234567890123456:role/reporting',
      { allowAnySource: true },
      'grantInvoke options must be left out on FC3 (conditions on the caller are AWS resource-permission settings; FC3 authorizes the caller\'s RAM identity), got {"allowAnySource":true}',
    ],
  ])('%s %j is refused', (principal, options, message) => {
    const { target } = fcSetup();
    expect(() => target.grantInvoke(principal, options)).toThrow(`[test/orders] ${message}`);
  });
});
