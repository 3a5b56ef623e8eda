import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { ArtifactBucketOptions, checkArtifactBucketOptions } from '../core/artifact-bucket';
import { providerSuffix, useProvider } from '../core/private/provider';
import { fail } from '../core/validation';

const ID = 'ServerlessArtifacts';

/** Options of the stack's artifact bucket for one provider. */
export interface ArtifactBucketProps extends ArtifactBucketOptions {
  /** The provider (region, account) the bucket is for. @default the stack's default AWS provider */
  readonly provider?: AwsProvider;
}

/**
 * The S3 bucket that holds packaged code and layer zips: private (every public access blocked,
 * ACLs disabled), encrypted (SSE-S3), versioned, with a lifecycle rule that expires replaced zips.
 * One per stack and provider (region or account), created on first use.
 */
export class ArtifactBucket extends Construct {
  /**
   * The stack's artifact bucket, created the first time something needs it. Pass options before
   * any construct of the stack uploads code (e.g. right after the provider).
   */
  public static of(scope: IConstruct, options?: ArtifactBucketProps): ArtifactBucket {
    const stack = TerraformStack.of(scope);
    // One bucket per provider: Lambda reads code from a bucket in the function's own region.
    const id = `${ID}${providerSuffix(options?.provider)}`;
    const existing = stack.node.tryFindChild(id) as ArtifactBucket | undefined;
    const { provider, ...rest } = options ?? {};
    if (existing && Object.keys(rest).length > 0)
      fail(scope, 'ArtifactBucket options', 'given before the first construct that uploads code in this stack', rest);
    return existing ?? new ArtifactBucket(stack, id, rest, provider);
  }

  public readonly bucket: S3Bucket;
  public readonly publicAccessBlock: S3BucketPublicAccessBlock;
  public readonly ownershipControls: S3BucketOwnershipControls;
  public readonly encryption: S3BucketServerSideEncryptionConfigurationA;
  public readonly versioning: S3BucketVersioningA;
  /** Expires noncurrent versions (replaced zips), their delete markers and unfinished uploads. */
  public readonly lifecycle: S3BucketLifecycleConfiguration;

  private constructor(scope: Construct, id: string, options: ArtifactBucketOptions, provider: AwsProvider | undefined) {
    super(scope, id);
    useProvider(this, provider);
    const noncurrentDays = checkArtifactBucketOptions(this, options);
    this.bucket = new S3Bucket(this, 'Default', { bucketPrefix: 'serverless-artifacts-', forceDestroy: options.forceDestroy });
    this.publicAccessBlock = new S3BucketPublicAccessBlock(this, 'PublicAccessBlock', {
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    this.ownershipControls = new S3BucketOwnershipControls(this, 'OwnershipControls', {
      bucket: this.bucket.id,
      rule: { objectOwnership: 'BucketOwnerEnforced' },
    });
    this.encryption = new S3BucketServerSideEncryptionConfigurationA(this, 'Encryption', {
      bucket: this.bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' }, bucketKeyEnabled: true }],
    });
    this.versioning = new S3BucketVersioningA(this, 'Versioning', {
      bucket: this.bucket.id,
      versioningConfiguration: { status: 'Enabled' },
    });
    // Every upload has a content-addressed key, so old zips are deleted (become noncurrent) when
    // replaced; without a rule their versions would pile up forever. S3 requires versioning to be
    // configured before a rule with noncurrent actions.
    this.lifecycle = new S3BucketLifecycleConfiguration(this, 'Lifecycle', {
      bucket: this.bucket.id,
      rule: [
        {
          id: 'expire-replaced-artifacts',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          noncurrentVersionExpiration: [{ noncurrentDays }],
          expiration: [{ expiredObjectDeleteMarker: true }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
      dependsOn: [this.versioning],
    });
  }

  /** Bucket name, for `s3_bucket` arguments. */
  public get bucketName(): string {
    return (this.name ??= this.bucket.bucket);
  }

  private name?: string;
}
