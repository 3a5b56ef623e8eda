import { TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { artifactKey, sharedCodeUpload, zipAsset } from '../../core/private/asset';
import { PackagedFolder } from '../../core/package';
import { ArtifactBucket } from '../artifact-bucket';
import { OssBucketObject } from '../../generated/alicloud/oss-bucket-object';
import { AlicloudProvider } from '../../generated/alicloud/provider';

/** A packaged zip uploaded to OSS: the asset and the `alicloud_oss_bucket_object`. */
export interface OssUpload {
  readonly asset: TerraformAsset;
  readonly object: OssBucketObject;
  /** The object's bucket and key as references. */
  readonly refs: { readonly bucket: string; readonly key: string };
}

/**
 * Uploads a packaged zip under a content-addressed key, so a content change is a new key (FC reads
 * `code` only when it changes; a new key is that change). OSS verifies the upload against the MD5.
 */
export function uploadToOss(
  scope: Construct,
  id: string,
  packaged: PackagedFolder,
  prefix: string,
  bucket: string | undefined,
  provider?: AlicloudProvider,
): OssUpload {
  const asset = zipAsset(scope, `${id}Asset`, packaged);
  const object = ossObject(scope, `${id}Object`, asset, artifactKey(prefix, packaged), packaged, bucket, provider);
  return { asset, object, refs: { bucket: object.bucket, key: object.key } };
}

/** Function code: one upload per stack and content, shared by functions built from the same folder. */
export function uploadCodeToOss(scope: Construct, packaged: PackagedFolder, bucket: string | undefined, provider?: AlicloudProvider): OssUpload {
  return sharedCodeUpload(
    scope,
    packaged,
    bucket,
    (owner, id, asset, key) => ossObject(owner, id, asset, key, packaged, bucket, provider),
    (o) => ({ bucket: o.bucket, key: o.key }),
    provider,
  );
}

function ossObject(
  scope: Construct,
  id: string,
  asset: TerraformAsset,
  key: string,
  packaged: PackagedFolder,
  bucket: string | undefined,
  provider: AlicloudProvider | undefined,
): OssBucketObject {
  return new OssBucketObject(scope, id, {
    bucket: bucket ?? ArtifactBucket.of(scope, { provider }).bucketName,
    key,
    source: asset.path,
    contentMd5: packaged.zipMd5,
    contentType: 'application/zip',
    acl: 'private',
    serverSideEncryption: 'AES256',
    // The key is content-addressed: upload the new zip before the old one goes.
    lifecycle: { createBeforeDestroy: true },
  });
}
