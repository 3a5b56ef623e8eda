import { TerraformStack, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { alicloud, aws } from '../lib';
import { conformanceErrors, loadSchema } from './conformance';
import { makeFolder, only } from './helpers';

// The artifact bucket of each cloud: replaced zips expire, `forceDestroy` lets `terraform destroy`
// empty a versioned bucket, and options must come before the first upload.

const code = makeFolder({ 'index.js': 'exports.handler = async () => 1;' }, 'code');

function awsStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  return stack;
}
function fcStack(region = 'cn-hangzhou', accountId?: string, id = 'test'): TerraformStack {
  const stack = new TerraformStack(Testing.app(), id);
  new alicloud.AlicloudProvider(stack, 'alicloud', { region, accountId });
  return stack;
}
const synth = (stack: TerraformStack) => JSON.parse(Testing.synth(stack, true));

describe('aws.ArtifactBucket', () => {
  test('a lifecycle rule expires replaced zips after 30 days, their delete markers and unfinished uploads', () => {
    const stack = awsStack();
    new aws.LayeredFunction(stack, 'f', { runtime: 'nodejs22.x', handler: 'index.handler', code });
    const json = synth(stack);
    const rule = only(json, 'aws_s3_bucket_lifecycle_configuration');
    expect(rule).toEqual(
      expect.objectContaining({
        bucket: '${aws_s3_bucket.ServerlessArtifacts.id}',
        rule: [
          {
            id: 'expire-replaced-artifacts',
            status: 'Enabled',
            filter: [{ prefix: '' }],
            noncurrent_version_expiration: [{ noncurrent_days: 30 }],
            expiration: [{ expired_object_delete_marker: true }],
            abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
          },
        ],
        depends_on: ['aws_s3_bucket_versioning.ServerlessArtifacts_Versioning_DFBE97A4'],
      }),
    );
    expect(only(json, 'aws_s3_bucket').force_destroy).toBeUndefined();
    expect(conformanceErrors(json, loadSchema('aws.json'), 'aws_')).toEqual([]);
  });

  test('forceDestroy and a shorter expiration, given before the first upload', () => {
    const stack = awsStack();
    aws.ArtifactBucket.of(stack, { forceDestroy: true, noncurrentVersionExpirationDays: 7 });
    new aws.LayeredFunction(stack, 'f', { runtime: 'nodejs22.x', handler: 'index.handler', code });
    const json = synth(stack);
    expect(only(json, 'aws_s3_bucket').force_destroy).toBe(true);
    expect(only(json, 'aws_s3_bucket_lifecycle_configuration').rule[0].noncurrent_version_expiration).toEqual([{ noncurrent_days: 7 }]);
  });

  test('bad options are refused', () => {
    expect(() => aws.ArtifactBucket.of(awsStack(), { noncurrentVersionExpirationDays: 0 })).toThrow(
      '[test/ServerlessArtifacts] noncurrentVersionExpirationDays must be an integer between 1 and 3650 days, got 0',
    );
    const stack = awsStack();
    new aws.LayeredFunction(stack, 'f', { runtime: 'nodejs22.x', handler: 'index.handler', code });
    expect(() => aws.ArtifactBucket.of(stack, { forceDestroy: true })).toThrow(
      '[test] ArtifactBucket options must be given before the first construct that uploads code in this stack, got {"forceDestroy":true}',
    );
  });
});

describe('alicloud.ArtifactBucket', () => {
  test('a lifecycle rule expires replaced zips; forceDestroy is passed through', () => {
    const stack = fcStack();
    alicloud.ArtifactBucket.of(stack, { forceDestroy: true });
    new alicloud.LayeredFunction(stack, 'f', { runtime: 'nodejs20', handler: 'index.handler', code });
    const json = synth(stack);
    const bucket = only(json, 'alicloud_oss_bucket');
    expect(bucket.force_destroy).toBe(true);
    expect(bucket.lifecycle_rule).toEqual([
      {
        id: 'expire-replaced-artifacts',
        enabled: true,
        noncurrent_version_expiration: [{ days: 30 }],
        expiration: [{ expired_object_delete_marker: true }],
        abort_multipart_upload: [{ days: 7 }],
      },
    ]);
    expect(conformanceErrors(json, loadSchema('alicloud.json'), 'alicloud_')).toEqual([]);
  });

  test('private by an explicit ACL, with Block Public Access on, both naming the bucket by reference', () => {
    const stack = fcStack();
    new alicloud.LayeredFunction(stack, 'f', { runtime: 'nodejs20', handler: 'index.handler', code });
    const json = synth(stack);
    const bucketAddress = `alicloud_oss_bucket.${Object.keys(json.resource.alicloud_oss_bucket)[0]}`;
    // The bucket's own acl (deprecated since provider 1.220.0) stays unset: it is Optional+Computed
    // and reads back what alicloud_oss_bucket_acl sets, so the two never fight.
    expect(only(json, 'alicloud_oss_bucket').acl).toBeUndefined();
    expect(only(json, 'alicloud_oss_bucket_acl')).toEqual({ bucket: `\${${bucketAddress}.bucket}`, acl: 'private' });
    expect(only(json, 'alicloud_oss_bucket_public_access_block')).toEqual({ bucket: `\${${bucketAddress}.bucket}`, block_public_access: true });
    expect(conformanceErrors(json, loadSchema('alicloud.json'), 'alicloud_')).toEqual([]);
  });

  test('the default name differs by region and by account, and is stable for the same stack', () => {
    const name = (region: string, account?: string) => {
      const stack = fcStack(region, account);
      new alicloud.LayeredFunction(stack, 'f', { runtime: 'nodejs20', handler: 'index.handler', code });
      const json = synth(stack);
      expect(json.data).toBeUndefined();
      return only(json, 'alicloud_oss_bucket').bucket as string;
    };
    expect(name('cn-hangzhou', '1111111111111111')).toMatch(/^serverless-artifacts-[0-9a-f]{12}$/);
    expect(name('cn-hangzhou', '1111111111111111')).toBe(name('cn-hangzhou', '1111111111111111'));
    expect(name('cn-shanghai', '1111111111111111')).not.toBe(name('cn-hangzhou', '1111111111111111'));
    expect(name('cn-hangzhou', '1111111111111111')).not.toBe(name('cn-hangzhou', '2222222222222222'));
  });

  test('without a literal account, the name hashes the account data "alicloud_account" reads', () => {
    const stack = fcStack('cn-hangzhou', undefined, 'orders');
    new alicloud.LayeredFunction(stack, 'f', { runtime: 'nodejs20', handler: 'index.handler', code });
    const json = synth(stack);
    expect(json.data).toEqual({ alicloud_account: { ServerlessArtifacts_Account_EDDD4F1A: {} } });
    expect(only(json, 'alicloud_oss_bucket').bucket).toBe(
      'serverless-artifacts-${substr(sha256(join("\\n", ["orders", "cn-hangzhou", data.alicloud_account.ServerlessArtifacts_Account_EDDD4F1A.id])), 0, 12)}',
    );
    expect(conformanceErrors(json, loadSchema('alicloud.json'), 'alicloud_')).toEqual([]);
  });
});
