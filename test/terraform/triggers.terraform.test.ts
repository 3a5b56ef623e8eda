import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { LambdaFunctionUrl } from '@cdktf/provider-aws/lib/lambda-function-url';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { alicloud, aws, Schedule } from '../../lib';
import { MessageServiceQueue } from '../../lib/generated/alicloud/message-service-queue';
import { withHarness } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { functionUrlAnswer } = require('./sim/aws');

// Triggers on an alias under Terraform: what they name exists first, the grants they need are in
// place when the cloud checks them, and a second plan is empty.

const code = fs.mkdtempSync(path.join(os.tmpdir(), 'triggers-'));
fs.writeFileSync(path.join(code, 'index.js'), 'exports.handler = async () => 1;\n');

function awsQueueStack(visibility: number) {
  return (app: App) => {
    const stack = new TerraformStack(app, 'app');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new LocalBackend(stack, { path: '../app/terraform.app.tfstate' });
    const fn = new aws.LayeredFunction(stack, 'worker', { functionName: 'worker', runtime: 'nodejs22.x', handler: 'index.handler', code, timeout: 30 });
    const live = new aws.CanaryAlias(stack, 'live', { function: fn });
    const jobs = new SqsQueue(stack, 'jobs', { visibilityTimeoutSeconds: visibility, sqsManagedSseEnabled: true });
    new aws.QueueTrigger(stack, 'jobs-trigger', { function: fn, qualifier: live, queue: jobs, batchSize: 5 });
  };
}

test('AWS: an SQS queue drives the alias; the mapping is created after the grant and the alias', () => {
  withHarness('triggers-aws', (harness) => {
    harness.synth(awsQueueStack(180));
    harness.deploy('app', 'deploy');
    expect(harness.journal().filter((e) => e.type === 'aws_lambda_event_source_mapping' && e.op === 'create')).toHaveLength(1);
  });
});

test('AWS: Lambda refuses a queue whose visibility timeout is shorter than the function timeout (the check the construct makes at synth)', () => {
  withHarness('triggers-aws-visibility', (harness) => {
    harness.synth(awsQueueStack(180));
    const file = path.join(harness.outdir, 'stacks', 'app', 'cdk.tf.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    json.resource.aws_sqs_queue.jobs.visibility_timeout_seconds = 10;
    fs.writeFileSync(file, JSON.stringify(json, null, 2));
    expect(() => harness.deploy('app', 'deploy')).toThrow(/Queue visibility timeout: 10 seconds is less\s+than Function timeout: 30 seconds/);
  });
});

test('Alibaba Cloud: an MNS queue drives the alias through an EventBridge trigger', () => {
  withHarness('triggers-alicloud', (harness) => {
    harness.synth((app) => {
      const stack = new TerraformStack(app, 'app');
      new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
      new LocalBackend(stack, { path: '../app/terraform.app.tfstate' });
      const fn = new alicloud.LayeredFunction(stack, 'worker', { functionName: 'worker', runtime: 'nodejs20', handler: 'index.handler', code });
      const live = new alicloud.CanaryAlias(stack, 'live', { function: fn });
      const jobs = new MessageServiceQueue(stack, 'jobs', { queueName: 'jobs' });
      const dlq = new MessageServiceQueue(stack, 'jobs-dlq', { queueName: 'jobs-dlq' });
      new alicloud.QueueTrigger(stack, 'jobs-trigger', { function: fn, qualifier: live, queue: jobs, deadLetterQueue: dlq });
    });
    harness.deploy('app', 'deploy');
    const triggers = harness.cloud().fcFunctions.worker.triggers;
    expect(Object.values<any>(triggers)).toHaveLength(1);
    // Synchronous, so EventBridge sees the function's failures: its retries and dead-letter queue apply.
    expect(Object.values<any>(triggers)[0].invocation).toBe('sync');
  });
});

test('AWS: an EventBridge Scheduler schedule invokes the alias through a role it may assume', () => {
  withHarness('triggers-aws-schedule', (harness) => {
    harness.synth((app) => {
      const stack = new TerraformStack(app, 'app');
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      new LocalBackend(stack, { path: '../app/terraform.app.tfstate' });
      const fn = new aws.LayeredFunction(stack, 'report', { functionName: 'report', runtime: 'nodejs22.x', handler: 'index.handler', code });
      const live = new aws.CanaryAlias(stack, 'live', { function: fn });
      new aws.ScheduleTrigger(stack, 'nightly', { function: fn, qualifier: live, schedule: Schedule.cron({ minute: '0', hour: '2' }) });
    });
    harness.deploy('app', 'deploy');
    expect(harness.journal().filter((e) => e.type === 'aws_scheduler_schedule' && e.op === 'create')).toHaveLength(1);
    // The trust names the deploying account (aws:SourceAccount), read at plan from data.aws_caller_identity.
    const role = Object.values<any>(harness.cloud().roles).find((r) => String(r.trust).includes('scheduler.amazonaws.com'));
    expect(JSON.parse(role.trust).Statement[0].Condition).toEqual({ StringEquals: { 'aws:SourceAccount': '123456789012' } });
  });
});

test('AWS: Scheduler cannot assume a role whose trust is conditioned on another account', () => {
  withHarness('triggers-aws-schedule-account', (harness) => {
    harness.synth((app) => {
      const stack = new TerraformStack(app, 'app');
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      new LocalBackend(stack, { path: '../app/terraform.app.tfstate' });
      const fn = new aws.LayeredFunction(stack, 'report', { functionName: 'report', runtime: 'nodejs22.x', handler: 'index.handler', code });
      new aws.ScheduleTrigger(stack, 'nightly', { function: fn, schedule: Schedule.rate(5) });
    });
    const file = path.join(harness.outdir, 'stacks', 'app', 'cdk.tf.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const role of Object.values<any>(json.resource.aws_iam_role))
      role.assume_role_policy = role.assume_role_policy.replace(/\$\{data\.aws_caller_identity\.[^}]+\}/, '210987654321');
    fs.writeFileSync(file, JSON.stringify(json, null, 2));
    expect(() => harness.deploy('app', 'deploy')).toThrow(/The execution role you provide must allow AWS\s+EventBridge Scheduler to assume the role/);
  });
});

test('Alibaba Cloud: a timer trigger invokes the alias', () => {
  withHarness('triggers-alicloud-schedule', (harness) => {
    harness.synth((app) => {
      const stack = new TerraformStack(app, 'app');
      new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
      new LocalBackend(stack, { path: '../app/terraform.app.tfstate' });
      const fn = new alicloud.LayeredFunction(stack, 'report', { functionName: 'report', runtime: 'nodejs20', handler: 'index.handler', code });
      const live = new alicloud.CanaryAlias(stack, 'live', { function: fn });
      new alicloud.ScheduleTrigger(stack, 'nightly', { function: fn, qualifier: live, schedule: Schedule.rate(5) });
    });
    harness.deploy('app', 'deploy');
    expect(Object.keys(harness.cloud().fcFunctions.report.triggers)).toHaveLength(1);
  });
});

test('HTTP on both clouds: an IAM-signed function URL and an FC HTTP trigger on the alias deploy; a second plan is empty', () => {
  withHarness('triggers-http', (harness) => {
    harness.synth((app) => {
      const awsStack = new TerraformStack(app, 'aws-app');
      new AwsProvider(awsStack, 'aws', { region: 'eu-west-1' });
      new LocalBackend(awsStack, { path: '../aws-app/terraform.aws-app.tfstate' });
      const api = new aws.LayeredFunction(awsStack, 'api', { functionName: 'api', runtime: 'nodejs22.x', handler: 'index.handler', code });
      new aws.HttpTrigger(awsStack, 'http', { function: api, qualifier: new aws.CanaryAlias(awsStack, 'live', { function: api }) });
      const fcStack = new TerraformStack(app, 'fc-app');
      new alicloud.AlicloudProvider(fcStack, 'alicloud', { region: 'cn-hangzhou' });
      new LocalBackend(fcStack, { path: '../fc-app/terraform.fc-app.tfstate' });
      const fcApi = new alicloud.LayeredFunction(fcStack, 'api', { functionName: 'api', runtime: 'nodejs20', handler: 'index.handler', code });
      new alicloud.HttpTrigger(fcStack, 'http', { function: fcApi, qualifier: new alicloud.CanaryAlias(fcStack, 'live', { function: fcApi }) });
    });
    harness.deploy('aws-app', 'deploy aws');
    harness.deploy('fc-app', 'deploy fc');
    expect(harness.journal().filter((e) => ['aws_lambda_function_url', 'alicloud_fcv3_trigger'].includes(e.type) && e.op === 'create')).toHaveLength(2);
  });
});

// A public function URL (auth NONE) as the library emitted it before (lambda:InvokeFunctionUrl only),
// and as the cdktn flavour emits it now (plus lambda:InvokeFunction with invoked_via_function_url,
// which only hashicorp/aws 6.66.0 of the versions served accepts). The simulated Lambda answers a
// request to the URL as AWS does since October 2025 (sim/aws.js, functionUrlAnswer).
function publicUrlStack(app: App) {
  const stack = new TerraformStack(app, 'app');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  new LocalBackend(stack, { path: '../app/terraform.app.tfstate' });
  const api = new aws.LayeredFunction(stack, 'api', { functionName: 'api', runtime: 'nodejs22.x', handler: 'index.handler', code });
  const url = new LambdaFunctionUrl(stack, 'url', { functionName: api.functionName, authorizationType: 'NONE' });
  new LambdaPermission(stack, 'url-permission', {
    functionName: api.functionName,
    action: 'lambda:InvokeFunctionUrl',
    principal: '*',
    functionUrlAuthType: 'NONE',
    statementId: 'FunctionUrlAllowPublicAccess',
    dependsOn: [url],
  });
}

test('AWS: a public URL with only lambda:InvokeFunctionUrl (the library before) deploys but answers 403', () => {
  withHarness('triggers-public-url-403', (harness) => {
    harness.synth(publicUrlStack);
    harness.deploy('app', 'deploy');
    expect(functionUrlAnswer(harness.cloud(), 'api', undefined)).toBe(403);
  });
});

test('AWS, hashicorp/aws 6.66.0: with lambda:InvokeFunction through the URL only (invoked_via_function_url) the public URL answers', () => {
  withHarness('triggers-public-url-200', (harness) => {
    harness.synth(publicUrlStack);
    const file = path.join(harness.outdir, 'stacks', 'app', 'cdk.tf.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    json.terraform.required_providers.aws.version = '6.66.0';
    const first: any = Object.values(json.resource.aws_lambda_permission)[0];
    json.resource.aws_lambda_permission.via_url = {
      function_name: first.function_name,
      action: 'lambda:InvokeFunction',
      principal: '*',
      invoked_via_function_url: true,
      statement_id: 'FunctionUrlAllowInvokeViaUrl',
    };
    fs.writeFileSync(file, JSON.stringify(json, null, 2));
    harness.deploy('app', 'deploy');
    expect(functionUrlAnswer(harness.cloud(), 'api', undefined)).toBe(200);
    expect(harness.cloud().functions.api.policy['']).toEqual({
      FunctionURLAllowPublicAccess: { action: 'lambda:InvokeFunctionUrl', principal: '*', function_url_auth_type: 'NONE' },
      FunctionUrlAllowPublicAccess: { action: 'lambda:InvokeFunctionUrl', principal: '*', function_url_auth_type: 'NONE' },
      FunctionUrlAllowInvokeViaUrl: { action: 'lambda:InvokeFunction', principal: '*', invoked_via_function_url: true },
    });
  });
});

test('httpTrigger on LayeredFunction on both clouds: an IAM-signed function URL and an FC HTTP trigger deploy; a second plan is empty', () => {
  withHarness('triggers-http-prop', (harness) => {
    harness.synth((app) => {
      const awsStack = new TerraformStack(app, 'aws-app');
      new AwsProvider(awsStack, 'aws', { region: 'eu-west-1' });
      new LocalBackend(awsStack, { path: '../aws-app/terraform.aws-app.tfstate' });
      new aws.LayeredFunction(awsStack, 'api', {
        functionName: 'api',
        runtime: 'nodejs22.x',
        handler: 'index.handler',
        code,
        // NONE is refused on the cdktf flavour's hashicorp/aws 6.25.0 (see the public URL tests above).
        httpTrigger: { authType: aws.HttpAuthType.AWS_IAM, allowOrigins: ['https://example.com'] },
      });
      const fcStack = new TerraformStack(app, 'fc-app');
      new alicloud.AlicloudProvider(fcStack, 'alicloud', { region: 'cn-hangzhou' });
      new LocalBackend(fcStack, { path: '../fc-app/terraform.fc-app.tfstate' });
      new alicloud.LayeredFunction(fcStack, 'api', { functionName: 'api', runtime: 'nodejs20', handler: 'index.handler', code, httpTrigger: true });
    });
    harness.deploy('aws-app', 'deploy aws');
    harness.deploy('fc-app', 'deploy fc');
    const created = (type: string) => harness.journal().filter((e) => e.type === type && e.op === 'create');
    expect(created('aws_lambda_function_url')).toHaveLength(1);
    expect(created('aws_lambda_permission')).toHaveLength(0);
    expect(created('alicloud_fcv3_trigger')).toHaveLength(1);
    expect(Object.keys(harness.cloud().fcFunctions.api.triggers)).toHaveLength(1);
  });
});
