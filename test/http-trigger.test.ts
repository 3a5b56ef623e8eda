import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { TerraformStack, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { alicloud, aws } from '../lib';
import { conformanceErrors, loadSchema } from './conformance';
import { expressionOf, makeFolder, only, resources, synth } from './helpers';

// HttpTrigger: the HTTP path to any function or alias (function URL / FC HTTP trigger), the alias as
// qualifier by reference, so the URL waits for it and the canary split applies to its requests.

const code = makeFolder({ 'index.js': 'exports.handler = async () => 1;' }, 'http-code');

test('aws.HttpTrigger: a function URL on the alias, IAM-signed, with CORS', () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  const fn = new aws.LayeredFunction(stack, 'api', { functionName: 'api', runtime: 'nodejs22.x', handler: 'index.handler', code });
  const live = new aws.CanaryAlias(stack, 'live', { function: fn });
  const http = new aws.HttpTrigger(stack, 'http', { function: fn, qualifier: live, authType: aws.HttpAuthType.AWS_IAM, allowOrigins: ['https://example.com'] });
  const json = synth(stack);
  expect(only(json, 'aws_lambda_function_url')).toEqual({
    function_name: '${aws_lambda_function.api.function_name}',
    qualifier: '${aws_lambda_alias.live.name}',
    authorization_type: 'AWS_IAM',
    cors: { allow_origins: ['https://example.com'], allow_methods: ['*'] },
  });
  expect(resources(json, 'aws_lambda_permission')).toEqual({});
  expect(expressionOf(stack, http.url)).toMatch(/^\$\{aws_lambda_function_url\.http_FunctionUrl_[0-9A-F]{8}\.function_url\}$/);
  expect(conformanceErrors(json, loadSchema('aws.json'), 'aws_')).toEqual([]);
});

// The binding decides (this suite runs on both frameworks): @cdktn/provider-aws (hashicorp/aws
// 6.66.0) has invoked_via_function_url, @cdktf/provider-aws (6.25.0) does not.
const viaUrl = 'invokedViaFunctionUrl' in LambdaPermission.prototype;

test(`aws.HttpTrigger, authType NONE on ${viaUrl ? 'cdktn: both permissions, the invoke one through the URL only' : 'cdktf: refused, naming AWS_IAM and the cdktn flavour'}`, () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  const fn = new aws.LayeredFunction(stack, 'api', { functionName: 'api', runtime: 'nodejs22.x', handler: 'index.handler', code });
  if (!viaUrl) {
    expect(() => new aws.HttpTrigger(stack, 'http', { function: fn, authType: aws.HttpAuthType.NONE })).toThrow(
      '[test/http] authType must be HttpAuthType.AWS_IAM with @cdktf/provider-aws (hashicorp/aws 6.25.0): a public function URL also needs lambda:InvokeFunction limited to calls through the URL (aws_lambda_permission.invoked_via_function_url), which that provider version cannot express, and without it the URL answers 403; sign requests (AWS_IAM) or use the cdktn flavour (cdktn-serverless-constructs, hashicorp/aws 6.66.0), got "NONE"',
    );
    return;
  }
  const http = new aws.HttpTrigger(stack, 'http', { function: fn, authType: aws.HttpAuthType.NONE });
  const permissions = Object.values(resources(synth(stack), 'aws_lambda_permission')).map((p: any) => ({
    action: p.action,
    principal: p.principal,
    url: p.function_url_auth_type,
    via: p.invoked_via_function_url,
  }));
  expect(permissions).toEqual([
    { action: 'lambda:InvokeFunction', principal: '*', url: undefined, via: true },
    { action: 'lambda:InvokeFunctionUrl', principal: '*', url: 'NONE', via: undefined },
  ]);
  expect(http.publicInvokePermission).toBeDefined();
});

test('aws.HttpTrigger: IAM auth by default, no permission; a wrong auth type is refused', () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  const fn = new aws.LayeredFunction(stack, 'api', { functionName: 'api', runtime: 'nodejs22.x', handler: 'index.handler', code });
  new aws.HttpTrigger(stack, 'http', { function: fn });
  const json = synth(stack);
  expect(only(json, 'aws_lambda_function_url').authorization_type).toBe('AWS_IAM');
  expect(resources(json, 'aws_lambda_permission')).toEqual({});
  expect(() => new aws.HttpTrigger(stack, 'bad', { function: fn, authType: 'OPEN' as aws.HttpAuthType })).toThrow(
    '[test/bad] authType must be one of "AWS_IAM", "NONE", got "OPEN"',
  );
});

test('alicloud.HttpTrigger: an HTTP trigger on the alias with its own name', () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  const fn = new alicloud.LayeredFunction(stack, 'api', { functionName: 'api', runtime: 'nodejs20', handler: 'index.handler', code });
  const live = new alicloud.CanaryAlias(stack, 'live', { function: fn });
  new alicloud.HttpTrigger(stack, 'http', { function: fn, qualifier: live, methods: ['GET', 'POST'] });
  const json = synth(stack);
  const trigger = only(json, 'alicloud_fcv3_trigger');
  expect(trigger).toEqual(
    expect.objectContaining({
      trigger_type: 'http',
      qualifier: '${alicloud_fcv3_alias.live.alias_name}',
      trigger_name: expect.stringMatching(/^test-http-[0-9a-f]{8}$/),
    }),
  );
  expect(JSON.parse(trigger.trigger_config)).toEqual({ authType: 'function', methods: ['GET', 'POST'], disableURLInternet: false });
  expect(() => new alicloud.HttpTrigger(stack, 'bad', { function: fn, methods: ['FETCH'] })).toThrow(
    '[test/bad] methods must be one of "GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS", got "FETCH"',
  );
  expect(conformanceErrors(json, loadSchema('alicloud.json'), 'alicloud_')).toEqual([]);
});
