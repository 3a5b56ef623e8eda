import * as path from 'path';
import { LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { alicloud, Schedule, Tags } from '../../lib';
import { MessageServiceQueue } from '../../lib/generated/alicloud/message-service-queue';

const assets = path.join(__dirname, '..', 'assets');

/**
 * What production adds on Alibaba Cloud: a function in a VPC, the triggers that drive its alias
 * (MNS queue, timer, HTTP), who may invoke it, its alarms, and a second region in the same stack.
 */
export class AlicloudProductionStack extends TerraformStack {
  public readonly worker: alicloud.LayeredFunction;
  public readonly live: alicloud.CanaryAlias;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new alicloud.AlicloudProvider(this, 'alicloud', { region: 'cn-hangzhou' });
    const shanghai = new alicloud.AlicloudProvider(this, 'shanghai', { region: 'cn-shanghai', alias: 'shanghai' });
    Tags.of(this).add('project', 'orders-example');
    new LocalBackend(this, { path: `../${id}/terraform.${id}.tfstate` });
    const code = path.join(assets, 'functions', 'orders');

    const jobs = new MessageServiceQueue(this, 'jobs', { queueName: 'jobs' });
    const jobsDeadLetters = new MessageServiceQueue(this, 'jobs-dlq', { queueName: 'jobs-dlq' });
    this.worker = new alicloud.LayeredFunction(this, 'worker', {
      functionName: 'jobs-worker',
      runtime: 'nodejs20',
      handler: 'index.handler',
      code,
      timeout: 30,
      vpc: { vpcId: 'vpc-bp1jobs0example', subnetIds: ['vsw-bp1jobs0a', 'vsw-bp1jobs0b'], securityGroupIds: ['sg-bp1jobs0example'] },
      // The queue's name as a reference: the function waits for the queue it names.
      environment: { QUEUE: jobs.queueName },
    });
    this.live = new alicloud.CanaryAlias(this, 'live', { function: this.worker });

    new alicloud.QueueTrigger(this, 'jobs-trigger', {
      function: this.worker,
      qualifier: this.live,
      queue: jobs,
      deadLetterQueue: jobsDeadLetters,
      batchSize: 10, // FC3 has no concurrency limit for an MNS source: maxConcurrency is AWS-only
    });
    new alicloud.ScheduleTrigger(this, 'nightly', {
      function: this.worker,
      qualifier: this.live,
      schedule: Schedule.cron({ minute: '0', hour: '2' }),
      payload: '{"kind":"nightly"}',
    });
    const http = new alicloud.HttpTrigger(this, 'http', { function: this.worker, qualifier: this.live });

    const reports = new alicloud.LayeredFunction(this, 'reports', { functionName: 'jobs-reports', runtime: 'nodejs20', handler: 'index.handler', code });
    this.live.grantInvoke(reports);

    // CloudMonitor rules on the function's metrics (FC3 has no per-alias metric) and on the queue
    // trigger's dead letters, told to an existing contact group.
    new alicloud.FunctionAlarms(this, 'alarms', {
      function: this.worker,
      contactGroups: ['jobs-oncall'],
      errors: { threshold: 5 },
      throttles: { threshold: 1 },
      durationP99: { threshold: 20000, evaluationPeriods: 3 },
      deadLetterQueue: { queue: jobsDeadLetters, threshold: 1 },
    });

    // A second region in the same stack: its own artifact bucket, code upload and account lookup.
    new alicloud.LayeredFunction(this, 'edge', { functionName: 'jobs-edge', runtime: 'nodejs20', handler: 'index.handler', code, provider: shanghai });

    new TerraformOutput(this, 'jobs_url', { value: http.url });
  }
}
