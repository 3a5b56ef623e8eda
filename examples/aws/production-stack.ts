import * as path from 'path';
import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { aws, Schedule } from '../../lib';
import { awsBase } from './layers-stack';

const assets = path.join(__dirname, '..', 'assets');

/**
 * What production adds on AWS: a function in a VPC with tracing, JSON logs and its own KMS key, an
 * alias with provisioned concurrency, the triggers that drive it (queue, schedule, HTTP), who may
 * invoke it, its alarms, and a second region in the same stack.
 */
export class ProductionStack extends TerraformStack {
  public readonly worker: aws.LayeredFunction;
  public readonly live: aws.CanaryAlias;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    awsBase(this, id);
    const east = new AwsProvider(this, 'east', { region: 'us-east-1', alias: 'east' });
    const code = path.join(assets, 'functions', 'orders');

    const jobs = new SqsQueue(this, 'jobs', { visibilityTimeoutSeconds: 180, sqsManagedSseEnabled: true });
    this.worker = new aws.LayeredFunction(this, 'worker', {
      functionName: 'jobs-worker',
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      code,
      timeout: 30,
      vpc: { subnetIds: ['subnet-0a1b2c3d4e5f60718', 'subnet-0b1c2d3e4f5a60718'], securityGroupIds: ['sg-0a1b2c3d4e5f60718'] },
      tracing: aws.Tracing.ACTIVE,
      environment: { QUEUE_URL: jobs.url },
      // An alias ARN is resolved to its key (data.aws_kms_alias): Lambda's CreateGrant refuses aliases.
      environmentEncryption: 'arn:aws:kms:eu-west-1:123456789012:alias/jobs-env',
      logFormat: aws.LogFormat.JSON,
      applicationLogLevel: aws.ApplicationLogLevel.INFO,
      diskSize: 1024,
    });
    // Released by repointing stableVersion: provisioned concurrency needs an alias without weights.
    this.live = new aws.CanaryAlias(this, 'live', { function: this.worker, provisionedConcurrency: 2 });

    new aws.QueueTrigger(this, 'jobs-trigger', { function: this.worker, qualifier: this.live, queue: jobs, batchSize: 10, maxConcurrency: 10 });
    new aws.ScheduleTrigger(this, 'nightly', {
      function: this.worker,
      qualifier: this.live,
      schedule: Schedule.cron({ minute: '0', hour: '2' }),
      payload: '{"kind":"nightly"}',
    });
    const http = new aws.HttpTrigger(this, 'http', { function: this.worker, qualifier: this.live });

    const reports = new aws.LayeredFunction(this, 'reports', { functionName: 'jobs-reports', runtime: 'nodejs22.x', handler: 'index.handler', code });
    this.live.grantInvoke(reports);
    this.live.grantInvoke('events.amazonaws.com', { sourceArn: 'arn:aws:events:eu-west-1:123456789012:rule/jobs-nightly', sourceAccount: '123456789012' });

    new aws.FunctionAlarms(this, 'alarms', {
      function: this.worker,
      qualifier: this.live,
      errors: { threshold: 5 },
      throttles: { threshold: 1 },
      durationP99: { threshold: 20000 },
    });

    // A second region in the same stack: its own artifact bucket and code upload.
    new aws.LayeredFunction(this, 'edge', { functionName: 'jobs-edge', runtime: 'nodejs22.x', handler: 'index.handler', code, provider: east });

    new TerraformOutput(this, 'jobs_url', { value: http.url });
  }
}
