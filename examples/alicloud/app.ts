import * as path from 'path';
import { App, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { alicloud, Tags } from '../../lib';
import { AlicloudProductionStack } from './production-stack';

const assets = path.join(__dirname, '..', 'assets');

/** The seed's scenarios on Alibaba Cloud Function Compute 3.0, in one stack. */
export class AlicloudOrdersStack extends TerraformStack {
  public readonly orders: alicloud.LayeredFunction;
  public readonly web: alicloud.CustomImageFunction;
  public readonly live: alicloud.CanaryAlias;
  public readonly async: alicloud.AsyncWithDeadLetter;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new alicloud.AlicloudProvider(this, 'alicloud', { region: 'cn-hangzhou' });
    // FC3 has no provider-wide tags: the library's tags are the way to tag everything.
    Tags.of(this).add('project', 'orders-example');
    new LocalBackend(this, { path: `../${id}/terraform.${id}.tfstate` });

    const lodash = new alicloud.Layer(this, 'lodash', {
      path: path.join(assets, 'layers', 'lodash'),
      compatibleRuntimes: ['nodejs20', 'nodejs18'],
      layerName: 'lodash',
      description: 'lodash for Node.js functions',
    });
    const lodashPatch = new alicloud.Layer(this, 'lodash-patch', {
      path: path.join(assets, 'layers', 'lodash-patch'),
      compatibleRuntimes: ['nodejs20', 'nodejs18'],
      layerName: 'lodash-patch',
      description: 'patched lodash.js, overrides the file of the lodash layer',
    });

    this.orders = new alicloud.LayeredFunction(this, 'orders', {
      functionName: 'orders',
      runtime: 'nodejs20',
      handler: 'index.handler',
      code: path.join(assets, 'functions', 'orders'),
      // Same meaning as on AWS: lodash-patch comes later, so its lodash.js wins. The library emits
      // the list reversed because FC3 gives the first layer precedence.
      layers: [lodash, lodashPatch],
      memorySize: 512,
      timeout: 10,
      environment: { ORDERS_TABLE: 'orders' },
    });

    // 95 % on version 1, 5 % on the version published for the current code.
    this.live = new alicloud.CanaryAlias(this, 'live', {
      function: this.orders,
      aliasName: 'live',
      stableVersion: '1',
      canaryWeight: 0.05,
    });

    // On FC3 the configuration applies to the function (LATEST): see README, "Async invocation on FC3".
    this.async = new alicloud.AsyncWithDeadLetter(this, 'orders-async', {
      function: this.orders,
      retryAttempts: 3,
      maxEventAge: 3600,
    });

    this.web = new alicloud.CustomImageFunction(this, 'web', {
      functionName: 'web',
      image: 'registry.cn-hangzhou.aliyuncs.com/demo/web@sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae',
      command: ['/app/server'],
      args: ['--listen', '0.0.0.0:9000'],
      port: 9000,
      healthCheck: { path: '/healthz', initialDelay: 2, period: 5, timeout: 2, failureThreshold: 3, successThreshold: 1 },
      memorySize: 1024,
      cpu: 1,
      timeout: 30,
      instanceConcurrency: 20,
      httpTrigger: { authType: alicloud.HttpAuthType.ANONYMOUS, methods: ['GET', 'POST'] },
    });

    new TerraformOutput(this, 'orders_version', { value: this.orders.version });
    new TerraformOutput(this, 'web_url', { value: this.web.url });
  }
}

export function buildAlicloudExample(app: App): void {
  new AlicloudOrdersStack(app, 'alicloud-orders');
  new AlicloudProductionStack(app, 'alicloud-production');
}
