import { IConstruct } from 'constructs';
import { checkRange } from './validation';

/** How the stack's artifact bucket (code and layer zips) is set up, on either cloud. */
export interface ArtifactBucketOptions {
  /**
   * Let `terraform destroy` delete the bucket with every object version in it. Without it, a
   * versioned bucket that still holds objects cannot be deleted.
   * @default false
   */
  readonly forceDestroy?: boolean;
  /**
   * Days a replaced or deleted zip (a noncurrent object version) is kept before the bucket's
   * lifecycle rule expires it, 1-3650. The functions and layers already hold their own copy.
   * @default 30
   */
  readonly noncurrentVersionExpirationDays?: number;
}

/** The artifact bucket options both clouds share; returns the noncurrent-version expiration in days. */
export function checkArtifactBucketOptions(scope: IConstruct, options: ArtifactBucketOptions): number {
  checkRange(scope, 'noncurrentVersionExpirationDays', options.noncurrentVersionExpirationDays, 1, 3650, { unit: 'days' });
  return options.noncurrentVersionExpirationDays ?? 30;
}
