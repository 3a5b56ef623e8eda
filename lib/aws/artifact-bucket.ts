import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';

const ID = 'ServerlessArtifacts';

/**
 * The S3 bucket that holds packaged code and layer zips: private (every public access blocked,
 * ACLs disabled), encrypted (SSE-S3), versioned. One per stack, created on first use.
 */
export class ArtifactBucket extends Construct {
  /** The stack's artifact bucket, created the first time something needs it. */
  public static of(scope: IConstruct): ArtifactBucket {
    const stack = TerraformStack.of(scope);
    return (stack.node.tryFindChild(ID) as ArtifactBucket | undefined) ?? new ArtifactBucket(stack, ID);
  }

  public readonly bucket: S3Bucket;
  public readonly publicAccessBlock: S3BucketPublicAccessBlock;
  public readonly ownershipControls: S3BucketOwnershipControls;
  public readonly encryption: S3BucketServerSideEncryptionConfigurationA;
  public readonly versioning: S3BucketVersioningA;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bucket = new S3Bucket(this, 'Default', { bucketPrefix: 'serverless-artifacts-' });
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
  }

  /** Bucket name, for `s3_bucket` arguments. */
  public get bucketName(): string {
    return (this.name ??= this.bucket.bucket);
  }

  private name?: string;
}
