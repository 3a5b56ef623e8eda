import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { alicloud, aws, Schedule } from '../../lib';
import { MessageServiceQueue } from '../../lib/alicloud/provider/message-service-queue';
import { withHarness } from './harness';

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

test('HTTP on both clouds: a public function URL and an FC HTTP trigger on the alias deploy; a second plan is empty', () => {
  withHarness('triggers-http', (harness) => {
    harness.synth((app) => {
      const awsStack = new TerraformStack(app, 'aws-app');
      new AwsProvider(awsStack, 'aws', { region: 'eu-west-1' });
      new LocalBackend(awsStack, { path: '../aws-app/terraform.aws-app.tfstate' });
      const api = new aws.LayeredFunction(awsStack, 'api', { functionName: 'api', runtime: 'nodejs22.x', handler: 'index.handler', code });
      new aws.HttpTrigger(awsStack, 'http', {
        function: api,
        qualifier: new aws.CanaryAlias(awsStack, 'live', { function: api }),
        authType: aws.HttpAuthType.NONE,
      });
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
