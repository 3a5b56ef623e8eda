import { TerraformStack, Testing } from 'cdktf';
import { alicloud } from '../lib';
import { only, synth } from './helpers';
import { conforms, fcStack, fn, lodash } from './alicloud-helpers';

describe('alicloud engine setting (context "cdktf-serverless:engine")', () => {
  const withEngine = (engine: string | undefined) => {
    const app = Testing.app({ context: engine ? { 'cdktf-serverless:engine': engine } : {} });
    const stack = new TerraformStack(app, 'test');
    new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    const f = fn(stack);
    new alicloud.CanaryAlias(stack, 'live', { function: f, stableVersion: '1', canaryWeight: 0.1 });
    new alicloud.Layer(stack, 'lib', { path: lodash, compatibleRuntimes: ['nodejs20'] });
    return JSON.parse(Testing.synth(stack, true));
  };

  test.each([
    [undefined, '>= 1.16.1'],
    ['terraform', '>= 1.16.1'],
    ['opentofu', '>= 1.12.0'],
  ])('engine %s: replaced versions are forgotten, and the stack requires %s', (engine, floor) => {
    const json = withEngine(engine);
    expect(json.terraform.required_version).toBe(floor);
    expect(only(json, 'alicloud_fcv3_function_version').lifecycle).toEqual({ create_before_destroy: true, destroy: false });
    expect(only(json, 'alicloud_fcv3_layer_version').lifecycle).toEqual({ create_before_destroy: true, destroy: false });
  });

  test.each([
    ['before', '>= 1.14, < 2.0.0', '>= 1.14, < 2.0.0, >= 1.16.1'],
    ['after', '~> 1.16', '~> 1.16, >= 1.16.1'],
    ['after', '>= 1.16.1', '>= 1.16.1'],
  ])("the user's own required_version set %s the constructs (%s) is joined with the floor, not replaced", (when, constraint, expected) => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'test');
    if (when === 'before') stack.addOverride('terraform.required_version', constraint);
    new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    new alicloud.Layer(stack, 'lib', { path: lodash, compatibleRuntimes: ['nodejs20'] });
    new alicloud.Layer(stack, 'other', { path: lodash, compatibleRuntimes: ['nodejs20'] });
    if (when === 'after') stack.addOverride('terraform.required_version', constraint);
    expect(JSON.parse(Testing.synth(stack, true)).terraform.required_version).toBe(expected);
  });

  test('legacy engine: no destroy = false and no floor; a pinned stable version is protected instead', () => {
    const json = withEngine('legacy');
    expect(json.terraform.required_version).toBeUndefined();
    expect(only(json, 'alicloud_fcv3_function_version').lifecycle).toEqual({ create_before_destroy: true, prevent_destroy: true });
    expect(only(json, 'alicloud_fcv3_layer_version').lifecycle).toEqual({ create_before_destroy: true });
  });

  test('skipDestroy: false lets a replaced layer version be deleted', () => {
    const stack = fcStack();
    new alicloud.Layer(stack, 'lib', { path: lodash, compatibleRuntimes: ['nodejs20'], skipDestroy: false });
    expect(only(synth(stack), 'alicloud_fcv3_layer_version').lifecycle).toEqual({ create_before_destroy: true });
  });

  test('an unknown engine is refused', () => {
    expect(() => withEngine('pulumi')).toThrow(
      '[test/orders/Version] context "cdktf-serverless:engine" must be one of "terraform", "opentofu", "legacy", got "pulumi"',
    );
  });
});

test('alicloud addToRolePolicy refuses "*" with the library error, except for the actions that accept nothing else', () => {
  const stack = fcStack();
  const f = fn(stack);
  expect(() => f.addToRolePolicy({ actions: ['oss:GetObject'], resources: ['*'] })).toThrow(
    '[test/orders] policy resources for oss:GetObject must be concrete ARNs for oss:GetObject ("*" is allowed only for actions that accept nothing else: cr:GetAuthorizationToken), got "*"',
  );
  expect(() => f.addToRolePolicy({ actions: ['cr:GetAuthorizationToken', 'cr:PullRepository'], resources: ['*'] })).toThrow(
    'must be concrete ARNs for cr:PullRepository ("*" is allowed only for actions that accept nothing else: cr:GetAuthorizationToken), got "*"',
  );
  expect(() => f.addToRolePolicy({ actions: ['oss:GetObject'], resources: [' '] })).toThrow(
    '[test/orders] policy resources for oss:GetObject must be concrete ARNs, got " "',
  );
  f.addToRolePolicy({ actions: ['cr:GetAuthorizationToken'], resources: ['*'] });
  expect(JSON.parse(only(synth(stack), 'alicloud_ram_policy').policy_document).Statement).toEqual([
    { Effect: 'Allow', Action: ['cr:GetAuthorizationToken'], Resource: ['*'] },
  ]);
  expect(alicloud.WILDCARD_ONLY_ACTIONS).toEqual(['cr:GetAuthorizationToken']);
});

describe('alicloud.FunctionBase.fromFunctionAttributes', () => {
  test('an existing function by ARN: name, region and account come from it; grants go to its role', () => {
    const stack = fcStack();
    const legacy = alicloud.FunctionBase.fromFunctionAttributes(stack, 'legacy', {
      functionArn: 'acs:fc:cn-shanghai:1234567890123456:functions/legacy',
      roleName: 'legacy-role',
      timeout: 60,
    });
    expect([legacy.cloud, legacy.functionName, legacy.location]).toEqual(['alicloud', 'legacy', { region: 'cn-shanghai', account: '1234567890123456' }]);
    new alicloud.AsyncWithDeadLetter(stack, 'async', { function: legacy, maxEventAge: 3600 });
    const json = synth(stack);
    expect(only(json, 'alicloud_fcv3_async_invoke_config').function_name).toBe('legacy');
    expect(only(json, 'alicloud_ram_role_policy_attachment')).toEqual(expect.objectContaining({ role_name: 'legacy-role', policy_type: 'Custom' }));
    expect(JSON.parse(only(json, 'alicloud_ram_policy').policy_document).Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['mns:SendMessage'],
        Resource: [
          expect.stringMatching(
            /^acs:mns:cn-shanghai:1234567890123456:\/queues\/\$\{alicloud_message_service_queue\.async_DeadLetterQueue_[0-9A-F]+\.queue_name\}\/messages$/,
          ),
        ],
      },
    ]);
    expect(only(json, 'alicloud_fcv3_async_invoke_config').depends_on).toEqual([
      expect.stringMatching(/^alicloud_ram_role_policy_attachment\.legacy_RolePolicyAttachment_/),
    ]);
    conforms(json);
  });

  test('bad input: a malformed ARN, and grants without a role', () => {
    const stack = fcStack();
    expect(() => alicloud.FunctionBase.fromFunctionAttributes(stack, 'bad', { functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:x' })).toThrow(
      '[test/bad] functionArn must be an FC3 function ARN: acs:fc:<region>:<account>:functions/<name>, got "arn:aws:lambda:eu-west-1:123456789012:function:x"',
    );
    const legacy = alicloud.FunctionBase.fromFunctionAttributes(stack, 'legacy', { functionArn: 'acs:fc:cn-hangzhou:1234567890123456:functions/legacy' });
    expect(() => new alicloud.AsyncWithDeadLetter(stack, 'async', { function: legacy })).toThrow(
      "[test/legacy] roleName must be given so that mns:SendMessage can be granted to the function's role, got nothing",
    );
  });
});
