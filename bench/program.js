/**
 * One benchmark program, run in its own process by bench/run.js:
 *
 *   node bench/program.js <library|hand> <aws|alicloud> <units> <outdir> <code folder> <layer folder>
 *
 * Both variants synthesize the same resources for N units (a layered function using a shared layer,
 * an alias sending 5 % to the latest version, async invocation with a created dead-letter queue):
 * "library" with this package's constructs, "hand" with the provider classes (deep imports) and
 * cdktf's own TerraformAsset for the folders, as a careful user would write it by hand.
 * Prints one JSON line: peak RSS, resources synthesized, packaging counters.
 */
'use strict';
const path = require('path');
const [variant, cloud, unitsArg, outdir, codeDir, layerDir] = process.argv.slice(2);
const units = Number(unitsArg);
const dist = path.join(__dirname, '..', 'dist');

const { App, TerraformStack, TerraformAsset, AssetType, Fn, Op, Token, LocalBackend, TerraformLocal } = require('cdktf');

const app = new App({ outdir, stackTraces: false, skipValidation: false });
const stack = new TerraformStack(app, 'bench');
new LocalBackend(stack, { path: 'terraform.bench.tfstate' });

function libraryAws() {
  const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
  const { aws } = require(dist);
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  const layer = new aws.Layer(stack, 'shared', { path: layerDir, compatibleRuntimes: ['nodejs22.x'], layerName: 'shared' });
  for (let i = 0; i < units; i++) {
    const fn = new aws.LayeredFunction(stack, `fn${i}`, {
      functionName: `fn${i}`,
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      code: codeDir,
      layers: [layer],
      timeout: 10,
    });
    const live = new aws.CanaryAlias(stack, `live${i}`, { function: fn, stableVersion: '1', canaryWeight: 0.05 });
    new aws.AsyncWithDeadLetter(stack, `async${i}`, { function: fn, qualifier: live, retryAttempts: 2, maxEventAge: 3600 });
  }
}

function handAws() {
  const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
  const { S3Bucket } = require('@cdktf/provider-aws/lib/s3-bucket');
  const { S3BucketPublicAccessBlock } = require('@cdktf/provider-aws/lib/s3-bucket-public-access-block');
  const { S3BucketOwnershipControls } = require('@cdktf/provider-aws/lib/s3-bucket-ownership-controls');
  const { S3BucketServerSideEncryptionConfigurationA } = require('@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration');
  const { S3BucketVersioningA } = require('@cdktf/provider-aws/lib/s3-bucket-versioning');
  const { S3BucketLifecycleConfiguration } = require('@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration');
  const { S3Object } = require('@cdktf/provider-aws/lib/s3-object');
  const { LambdaLayerVersion } = require('@cdktf/provider-aws/lib/lambda-layer-version');
  const { CloudwatchLogGroup } = require('@cdktf/provider-aws/lib/cloudwatch-log-group');
  const { IamRole } = require('@cdktf/provider-aws/lib/iam-role');
  const { IamRolePolicy } = require('@cdktf/provider-aws/lib/iam-role-policy');
  const { LambdaFunction } = require('@cdktf/provider-aws/lib/lambda-function');
  const { LambdaAlias } = require('@cdktf/provider-aws/lib/lambda-alias');
  const { SqsQueue } = require('@cdktf/provider-aws/lib/sqs-queue');
  const { LambdaFunctionEventInvokeConfig } = require('@cdktf/provider-aws/lib/lambda-function-event-invoke-config');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  const bucket = new S3Bucket(stack, 'bucket', { bucketPrefix: 'serverless-artifacts-' });
  new S3BucketPublicAccessBlock(stack, 'pab', {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketOwnershipControls(stack, 'own', { bucket: bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } });
  new S3BucketServerSideEncryptionConfigurationA(stack, 'sse', {
    bucket: bucket.id,
    rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' }, bucketKeyEnabled: true }],
  });
  const versioning = new S3BucketVersioningA(stack, 'ver', { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } });
  new S3BucketLifecycleConfiguration(stack, 'lifecycle', {
    bucket: bucket.id,
    dependsOn: [versioning],
    rule: [
      {
        id: 'expire-replaced-artifacts',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        noncurrentVersionExpiration: [{ noncurrentDays: 30 }],
        expiration: [{ expiredObjectDeleteMarker: true }],
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
      },
    ],
  });
  const layerAsset = new TerraformAsset(stack, 'layer-asset', { path: layerDir, type: AssetType.ARCHIVE });
  const layerObject = new S3Object(stack, 'layer-object', {
    bucket: bucket.bucket,
    key: `layers/shared/${layerAsset.assetHash}.zip`,
    source: layerAsset.path,
    sourceHash: layerAsset.assetHash,
  });
  const layer = new LambdaLayerVersion(stack, 'layer', {
    layerName: 'shared',
    s3Bucket: layerObject.bucket,
    s3Key: layerObject.key,
    sourceCodeHash: layerAsset.assetHash,
    compatibleRuntimes: ['nodejs22.x'],
  });
  const codeAsset = new TerraformAsset(stack, 'code-asset', { path: codeDir, type: AssetType.ARCHIVE });
  const codeObject = new S3Object(stack, 'code-object', {
    bucket: bucket.bucket,
    key: `code/${codeAsset.assetHash}.zip`,
    source: codeAsset.path,
    sourceHash: codeAsset.assetHash,
  });
  for (let i = 0; i < units; i++) {
    const logGroup = new CloudwatchLogGroup(stack, `log${i}`, { name: `/aws/lambda/fn${i}`, retentionInDays: 30 });
    const role = new IamRole(stack, `role${i}`, {
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    });
    const dlq = new SqsQueue(stack, `dlq${i}`, { sqsManagedSseEnabled: true, messageRetentionSeconds: 1209600 });
    const policy = new IamRolePolicy(stack, `policy${i}`, {
      role: role.id,
      name: 'least-privilege',
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Sid: 'CreateLogStreams', Effect: 'Allow', Action: 'logs:CreateLogStream', Resource: logGroup.arn },
          { Sid: 'WriteLogEvents', Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: `${logGroup.arn}:log-stream:*` },
          { Sid: 'SendFailedEvents', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: dlq.arn },
        ],
      }),
    });
    const fn = new LambdaFunction(stack, `fn${i}`, {
      functionName: `fn${i}`,
      role: role.arn,
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      packageType: 'Zip',
      s3Bucket: codeObject.bucket,
      s3Key: codeObject.key,
      sourceCodeHash: codeAsset.assetHash,
      layers: [layer.arn],
      timeout: 10,
      architectures: ['x86_64'],
      publish: true,
      loggingConfig: { logFormat: 'Text', logGroup: logGroup.name },
      dependsOn: [logGroup, policy],
    });
    const alias = new LambdaAlias(stack, `live${i}`, {
      name: 'live',
      functionName: fn.functionName,
      functionVersion: '1',
      routingConfig: { additionalVersionWeights: Token.asNumberMap(Fn.conditional(Op.eq(fn.version, '1'), {}, Fn.zipmap([fn.version], [0.05]))) },
    });
    new LambdaFunctionEventInvokeConfig(stack, `async${i}`, {
      functionName: fn.functionName,
      qualifier: alias.name,
      maximumRetryAttempts: 2,
      maximumEventAgeInSeconds: 3600,
      destinationConfig: { onFailure: { destination: dlq.arn } },
      dependsOn: [policy],
    });
  }
}

function libraryAlicloud() {
  const { alicloud } = require(dist);
  new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  const layer = new alicloud.Layer(stack, 'shared', { path: layerDir, compatibleRuntimes: ['nodejs20'], layerName: 'shared' });
  for (let i = 0; i < units; i++) {
    const fn = new alicloud.LayeredFunction(stack, `fn${i}`, {
      functionName: `fn${i}`,
      runtime: 'nodejs20',
      handler: 'index.handler',
      code: codeDir,
      layers: [layer],
      timeout: 10,
    });
    new alicloud.CanaryAlias(stack, `live${i}`, { function: fn, stableVersion: '1', canaryWeight: 0.05 });
    new alicloud.AsyncWithDeadLetter(stack, `async${i}`, { function: fn, retryAttempts: 3, maxEventAge: 3600 });
  }
}

function handAlicloud() {
  const p = (name) => require(path.join(dist, 'generated', 'alicloud', name));
  const { AlicloudProvider } = p('provider');
  const { OssBucket } = p('oss-bucket');
  const { OssBucketObject } = p('oss-bucket-object');
  const { Fcv3LayerVersion } = p('fcv3-layer-version');
  const { RamRole } = p('ram-role');
  const { RamPolicy } = p('ram-policy');
  const { RamRolePolicyAttachment } = p('ram-role-policy-attachment');
  const { Fcv3Function } = p('fcv3-function');
  const { Fcv3FunctionVersion } = p('fcv3-function-version');
  const { Fcv3Alias } = p('fcv3-alias');
  const { MessageServiceQueue } = p('message-service-queue');
  const { Fcv3AsyncInvokeConfig } = p('fcv3-async-invoke-config');
  new AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  const bucket = new OssBucket(stack, 'bucket', {
    bucket: 'serverless-artifacts-bench',
    serverSideEncryptionRule: { sseAlgorithm: 'AES256' },
    versioning: { status: 'Enabled' },
    lifecycleRule: [
      {
        id: 'expire-replaced-artifacts',
        enabled: true,
        noncurrentVersionExpiration: [{ days: 30 }],
        expiration: [{ expiredObjectDeleteMarker: true }],
        abortMultipartUpload: [{ days: 7 }],
      },
    ],
  });
  const layerAsset = new TerraformAsset(stack, 'layer-asset', { path: layerDir, type: AssetType.ARCHIVE });
  const layerObject = new OssBucketObject(stack, 'layer-object', {
    bucket: bucket.bucket,
    key: `layers/shared/${layerAsset.assetHash}.zip`,
    source: layerAsset.path,
    acl: 'private',
    serverSideEncryption: 'AES256',
    contentType: 'application/zip',
  });
  const layer = new Fcv3LayerVersion(stack, 'layer', {
    layerName: 'shared',
    compatibleRuntime: ['nodejs20'],
    code: { ossBucketName: layerObject.bucket, ossObjectName: layerObject.key },
    acl: '0',
    lifecycle: { createBeforeDestroy: true },
  });
  const codeAsset = new TerraformAsset(stack, 'code-asset', { path: codeDir, type: AssetType.ARCHIVE });
  const codeObject = new OssBucketObject(stack, 'code-object', {
    bucket: bucket.bucket,
    key: `code/${codeAsset.assetHash}.zip`,
    source: codeAsset.path,
    acl: 'private',
    serverSideEncryption: 'AES256',
    contentType: 'application/zip',
  });
  for (let i = 0; i < units; i++) {
    const role = new RamRole(stack, `role${i}`, {
      roleName: `bench-fn${i}`,
      assumeRolePolicyDocument: JSON.stringify({
        Version: '1',
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['fc.aliyuncs.com'] } }],
      }),
    });
    const account = new TerraformLocal(stack, `account${i}`, Fn.element(Fn.split(':', role.arn), 3));
    const dlq = new MessageServiceQueue(stack, `dlq${i}`, { queueName: `bench-fn${i}-dlq`, messageRetentionPeriod: 604800 });
    const dlqArn = `acs:mns:cn-hangzhou:${account.asString}:/queues/${dlq.queueName}/messages`;
    const policy = new RamPolicy(stack, `policy${i}`, {
      policyName: `bench-fn${i}`,
      policyDocument: JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['mns:SendMessage'], Resource: [dlqArn] }] }),
    });
    const attachment = new RamRolePolicyAttachment(stack, `attach${i}`, { policyName: policy.policyName, policyType: 'Custom', roleName: role.roleName });
    const fn = new Fcv3Function(stack, `fn${i}`, {
      functionName: `fn${i}`,
      runtime: 'nodejs20',
      handler: 'index.handler',
      role: role.arn,
      memorySize: 512,
      timeout: 10,
      diskSize: 512,
      code: { ossBucketName: codeObject.bucket, ossObjectName: codeObject.key },
      layers: [layer.layerVersionArn],
    });
    const version = new Fcv3FunctionVersion(stack, `version${i}`, {
      functionName: fn.functionName,
      description: `config ${codeAsset.assetHash.slice(0, 16)}`,
      dependsOn: [fn],
      lifecycle: { createBeforeDestroy: true, preventDestroy: true },
    });
    new Fcv3Alias(stack, `live${i}`, {
      functionName: 'fn' + i,
      aliasName: 'live',
      versionId: '1',
      additionalVersionWeight: Token.asNumberMap(Fn.conditional(Op.eq(version.versionId, '1'), {}, Fn.zipmap([version.versionId], [0.05]))),
    });
    new Fcv3AsyncInvokeConfig(stack, `async${i}`, {
      functionName: fn.functionName,
      maxAsyncRetryAttempts: 3,
      maxAsyncEventAgeInSeconds: 3600,
      destinationConfig: { onFailure: { destination: dlqArn } },
      dependsOn: [attachment],
    });
  }
}

({ library: { aws: libraryAws, alicloud: libraryAlicloud }, hand: { aws: handAws, alicloud: handAlicloud } })[variant][cloud]();
if (process.env.BENCH_TRACE) {
  if (global.gc) global.gc();
  process.stderr.write(
    `built: rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} maxrss ${(process.resourceUsage().maxRSS / 1024).toFixed(0)}\n`,
  );
}
app.synth();

let packaging = null;
try {
  packaging = require(path.join(dist, 'core', 'package')).packagingStats;
} catch {
  packaging = null;
}
const json = require(path.join(outdir, 'stacks', 'bench', 'cdk.tf.json'));
const resources = Object.values(json.resource).reduce((n, byId) => n + Object.keys(byId).length, 0);
process.stdout.write(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, resources, packaging: variant === 'library' ? packaging : null }) + '\n');
