import * as path from 'path';
import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { aws } from '../../lib';
import { awsBase, SharedLayersStack } from './layers-stack';

const assets = path.join(__dirname, '..', 'assets');

export interface OrdersStackProps {
  readonly layers: SharedLayersStack;
}

/** The seed's scenarios on AWS: a layered function and a web function from an image. */
export class OrdersStack extends TerraformStack {
  public readonly orders: aws.LayeredFunction;
  public readonly web: aws.CustomImageFunction;
  public readonly live: aws.CanaryAlias;
  public readonly async: aws.AsyncWithDeadLetter;

  constructor(scope: Construct, id: string, props: OrdersStackProps) {
    super(scope, id);
    awsBase(this, id);

    this.orders = new aws.LayeredFunction(this, 'orders', {
      functionName: 'orders',
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      code: path.join(assets, 'functions', 'orders'),
      // Order matters: lodash-patch comes later, so its lodash.js wins.
      layers: [props.layers.lodash, props.layers.lodashPatch],
      memorySize: 256,
      timeout: 10,
      environment: { ORDERS_TABLE: 'orders' },
    });

    // Release: version 1 stays stable, 5 % goes to the latest published version. Promote by setting
    // stableVersion to the canary's number and canaryWeight to 0; roll back with canaryWeight 0.
    this.live = new aws.CanaryAlias(this, 'live', {
      function: this.orders,
      aliasName: 'live',
      stableVersion: '1',
      canaryWeight: 0.05,
      alarm: { threshold: 5 },
    });

    // Events sent to the alias asynchronously: 2 retries, then the dead-letter queue. Producers send
    // to the buffer queue, which feeds the alias at most 50 invocations at a time.
    this.async = new aws.AsyncWithDeadLetter(this, 'orders-async', {
      function: this.orders,
      qualifier: this.live,
      retryAttempts: 2,
      maxEventAge: 3600,
      buffer: { batchSize: 10, maxConcurrency: 50 },
    });

    this.web = new aws.CustomImageFunction(this, 'web', {
      functionName: 'web',
      image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web@sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae',
      command: ['/app/server'],
      args: ['--listen', '0.0.0.0:9000'],
      port: 9000,
      healthCheck: { path: '/healthz' },
      memorySize: 1024,
      timeout: 30,
      reservedConcurrency: 20,
      architecture: aws.Architecture.ARM_64,
      httpTrigger: { authType: aws.HttpAuthType.AWS_IAM },
    });

    new TerraformOutput(this, 'orders_version', { value: this.orders.version });
    new TerraformOutput(this, 'web_url', { value: this.web.url });
    new TerraformOutput(this, 'orders_live_arn', { value: this.live.arn });
    new TerraformOutput(this, 'orders_buffer_queue_url', { value: this.async.bufferQueueUrl });
  }
}
