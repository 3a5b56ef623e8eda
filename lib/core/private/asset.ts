import * as crypto from 'crypto';
import { AssetType, TerraformAsset, TerraformProvider, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { PackagedFolder } from '../package';
import { providerSuffix, useProvider } from './provider';
import { StackState } from './stack-state';

/**
 * The packaged zip as a cdktf asset: copied into `cdktf.out/stacks/<stack>/assets/…` at synth and
 * referenced by a path relative to the stack folder (no absolute path reaches the output). The
 * content hash is passed in so cdktf does not hash the zip a second time.
 */
export function zipAsset(scope: Construct, id: string, packaged: PackagedFolder): TerraformAsset {
  return new TerraformAsset(scope, id, { path: packaged.zipFile, type: AssetType.FILE, assetHash: packaged.contentHash });
}

/** Object key of a packaged zip: content-addressed, so a change is a new object. */
export function artifactKey(prefix: string, packaged: PackagedFolder): string {
  return `${prefix}/${packaged.contentHash}.zip`;
}

/** A zip uploaded to object storage: the asset and the cloud's object resource. */
export interface Upload<T> {
  readonly asset: TerraformAsset;
  readonly object: T;
  /** The object's bucket and key as references, made once and shared by every function using it. */
  readonly refs: { readonly bucket: string; readonly key: string };
}

/**
 * One upload per stack, bucket and content: functions built from the same folder share one asset
 * and one object (`code/<hash>.zip`) instead of uploading the same bytes once per function.
 * `create` makes the cloud's object resource under the stack's `ServerlessCode` scope.
 */
export function sharedCodeUpload<T>(
  scope: IConstruct,
  packaged: PackagedFolder,
  bucket: string | undefined,
  create: (owner: Construct, id: string, asset: TerraformAsset, key: string) => T,
  refsOf: (object: T) => { bucket: string; key: string },
  provider?: TerraformProvider,
): Upload<T> {
  const stack = TerraformStack.of(scope);
  // One scope per provider (region or account): a function's code must be in its own region.
  const ownerId = `ServerlessCode${providerSuffix(provider)}`;
  let owner = stack.node.tryFindChild(ownerId) as Construct | undefined;
  if (!owner) {
    owner = new Construct(stack, ownerId);
    useProvider(owner, provider);
  }
  const bucketPart = bucket === undefined ? '' : `-${crypto.createHash('sha256').update(bucket).digest('hex').slice(0, 8)}`;
  const id = `${ownerId}/${packaged.contentHash.slice(0, 16)}${bucketPart}`;
  const known = StackState.of(stack).remember('uploads', () => new Map<string, Upload<unknown>>());
  const existing = known.get(id);
  if (existing) return existing as Upload<T>;
  const local = id.slice(ownerId.length + 1);
  const asset = zipAsset(owner, `Asset-${local}`, packaged);
  const object = create(owner, `Object-${local}`, asset, artifactKey('code', packaged));
  const upload = { asset, object, refs: refsOf(object) };
  known.set(id, upload);
  return upload;
}
