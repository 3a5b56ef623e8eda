import * as crypto from 'crypto';
import { Fn, TerraformDataSource, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ArtifactBucketOptions, checkArtifactBucketOptions } from '../core/artifact-bucket';
import { providerSuffix, useProvider } from '../core/private/provider';
import { fail, isToken } from '../core/validation';
import { AlicloudProvider } from '../generated/alicloud/provider';
import { OssBucket } from '../generated/alicloud/oss-bucket';
import { OssBucketAcl } from '../generated/alicloud/oss-bucket-acl';
import { OssBucketPublicAccessBlock } from '../generated/alicloud/oss-bucket-public-access-block';

const ID = 'ServerlessArtifacts';

/** Options of the stack's artifact bucket for one provider. */
export interface ArtifactBucketProps extends ArtifactBucketOptions {
  /** The provider (region, account) the bucket is for; its name hashes that provider's region and account. @default the stack's default provider */
  readonly provider?: AlicloudProvider;
}

/**
 * The OSS bucket that holds packaged code and layer zips: private (its ACL set to `private`
 * explicitly and Block Public Access on, so no later ACL or bucket policy can make it public),
 * server-side encrypted (AES256), versioned, with a lifecycle rule that expires replaced zips.
 * One per stack, created on first use. OSS bucket names are global: the default name is
 * `serverless-artifacts-<hash>`, the hash taken over the stack path, the provider's region and the
 * account, so the same stack in another region or account gets another name. The account is the
 * provider's literal `accountId`, or else what `data "alicloud_account"` reads at plan time (the
 * same hash either way). Set the context key `cdktf-serverless:alicloudArtifactBucketName` (or pass
 * `bucket` to the constructs) to choose a name.
 */
export class ArtifactBucket extends Construct {
  /**
   * The stack's artifact bucket, created the first time something needs it. Pass options before
   * any construct of the stack uploads code (e.g. right after the provider).
   */
  public static of(scope: IConstruct, options?: ArtifactBucketProps): ArtifactBucket {
    const stack = TerraformStack.of(scope);
    // One bucket per provider: FC reads code from OSS in the function's own region.
    const id = `${ID}${providerSuffix(options?.provider)}`;
    const existing = stack.node.tryFindChild(id) as ArtifactBucket | undefined;
    const { provider, ...rest } = options ?? {};
    if (existing && Object.keys(rest).length > 0)
      fail(scope, 'ArtifactBucket options', 'given before the first construct that uploads code in this stack', rest);
    return existing ?? new ArtifactBucket(stack, id, rest, provider);
  }

  public readonly bucket: OssBucket;
  /** The bucket's ACL, `private` (`alicloud_oss_bucket_acl`: the bucket's own `acl` argument is deprecated since provider 1.220.0). */
  public readonly acl: OssBucketAcl;
  /** Block Public Access on the bucket (`alicloud_oss_bucket_public_access_block`): public ACLs and bucket policies are ignored and refused. */
  public readonly publicAccessBlock: OssBucketPublicAccessBlock;

  private constructor(scope: Construct, id: string, options: ArtifactBucketOptions, provider: AlicloudProvider | undefined) {
    super(scope, id);
    useProvider(this, provider);
    const noncurrentDays = checkArtifactBucketOptions(this, options);
    const named = this.node.tryGetContext('cdktf-serverless:alicloudArtifactBucketName') as string | undefined;
    this.bucket = new OssBucket(this, 'Default', {
      bucket: (provider?.alias ? undefined : named) ?? `serverless-artifacts-${uniqueSuffix(this, TerraformStack.of(this), provider)}`,
      serverSideEncryptionRule: { sseAlgorithm: 'AES256' },
      versioning: { status: 'Enabled' },
      forceDestroy: options.forceDestroy,
      // Uploads have content-addressed keys, so replaced zips become noncurrent versions: expire them.
      lifecycleRule: [
        {
          id: 'expire-replaced-artifacts',
          enabled: true,
          noncurrentVersionExpiration: [{ days: noncurrentDays }],
          expiration: [{ expiredObjectDeleteMarker: true }],
          abortMultipartUpload: [{ days: 7 }],
        },
      ],
    });
    // Both name the bucket by reference: created after it, destroyed before it. OSS's
    // PutBucketPublicAccessBlock: "all existing public access permissions are ignored and no new
    // public access permissions can be configured".
    this.acl = new OssBucketAcl(this, 'Acl', { bucket: this.bucket.bucket, acl: 'private' });
    this.publicAccessBlock = new OssBucketPublicAccessBlock(this, 'PublicAccessBlock', { bucket: this.bucket.bucket, blockPublicAccess: true });
  }

  /** Bucket name, for `oss_bucket_name` arguments. */
  public get bucketName(): string {
    return (this.name ??= this.bucket.bucket);
  }

  private name?: string;
}

/**
 * 12 hex characters of sha256(stack path, region, account). A literal account hashes here; otherwise
 * Terraform computes the same hash from the account `data "alicloud_account"` reads.
 */
function uniqueSuffix(scope: Construct, stack: TerraformStack, given: AlicloudProvider | undefined): string {
  const all = stack.node.findAll().filter((c): c is AlicloudProvider => c instanceof AlicloudProvider);
  const provider = given?.alias ? given : (all.find((p) => !p.alias) ?? all[0]);
  const literal = (v: string | undefined) => (v && !isToken(v) ? v : undefined);
  const region = provider?.region ?? '';
  const account = literal(provider?.accountId);
  if (account !== undefined && !isToken(region)) {
    return crypto.createHash('sha256').update([stack.node.path, region, account].join('\n')).digest('hex').slice(0, 12);
  }
  // alicloud/data_source_alicloud_account.go: `id` is the caller's account.
  const current = new TerraformDataSource(scope, 'Account', { terraformResourceType: 'alicloud_account' });
  const parts = [stack.node.path, region, account ?? current.getStringAttribute('id')];
  return Fn.substr(Fn.sha256(Fn.join('\n', parts)), 0, 12);
}
