import * as crypto from 'crypto';
import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { OssBucket } from './provider/oss-bucket';

const ID = 'ServerlessArtifacts';

/**
 * The OSS bucket that holds packaged code and layer zips: private (the default ACL, never set
 * public), server-side encrypted (AES256), versioned. One per stack, created on first use. OSS
 * bucket names are global, so the default name carries a hash of the stack path; set the context
 * key `cdktf-serverless:alicloudArtifactBucketName` (or pass `bucket` to the constructs) to choose one.
 */
export class ArtifactBucket extends Construct {
  /** The stack's artifact bucket, created the first time something needs it. */
  public static of(scope: IConstruct): ArtifactBucket {
    const stack = TerraformStack.of(scope);
    return (stack.node.tryFindChild(ID) as ArtifactBucket | undefined) ?? new ArtifactBucket(stack, ID);
  }

  public readonly bucket: OssBucket;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    const named = this.node.tryGetContext('cdktf-serverless:alicloudArtifactBucketName') as string | undefined;
    const hash = crypto.createHash('sha256').update(this.node.path).digest('hex').slice(0, 12);
    this.bucket = new OssBucket(this, 'Default', {
      bucket: named ?? `serverless-artifacts-${hash}`,
      serverSideEncryptionRule: { sseAlgorithm: 'AES256' },
      versioning: { status: 'Enabled' },
    });
  }

  /** Bucket name, for `oss_bucket_name` arguments. */
  public get bucketName(): string {
    return (this.name ??= this.bucket.bucket);
  }

  private name?: string;
}
