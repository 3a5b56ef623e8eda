import { AssetType, TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { PackagedFolder } from './package';

/**
 * The packaged zip as a cdktf asset: copied into `cdktf.out/stacks/<stack>/assets/…` at synth and
 * referenced by a path relative to the stack folder (no absolute path reaches the output). The
 * content hash is passed in so cdktf does not hash the zip a second time.
 */
export function zipAsset(scope: Construct, id: string, packaged: PackagedFolder): TerraformAsset {
  return new TerraformAsset(scope, id, { path: packaged.zipFile, type: AssetType.FILE, assetHash: packaged.contentHash });
}

/** Object key of a packaged zip in the artifact bucket: content-addressed, so a change is a new object. */
export function artifactKey(prefix: string, packaged: PackagedFolder): string {
  return `${prefix}/${packaged.contentHash}.zip`;
}
