import { TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { ILayerContract } from '../core/contracts';
import { uniqueName } from '../core/private/names';
import { useProvider } from '../core/private/provider';
import { FolderListing, PackagedFolder, packageFolder } from '../core/package';
import { checkLayerBasics, LayerPropsBase } from '../core/layers';
import { tagConstruct } from '../core/tags';
import { checkPattern } from '../core/validation';
import { forgetInsteadOfDestroy } from './engine';
import { checkFcName } from './limits';
import { Fcv3LayerVersion } from '../generated/alicloud/fcv3-layer-version';
import { OssBucketObject } from '../generated/alicloud/oss-bucket-object';
import { AlicloudProvider } from '../generated/alicloud/provider';
import { uploadToOss } from './private/upload';

/** A layer a function can use: built here, or an existing layer version ARN. */
export interface ILayer extends ILayerContract<'alicloud'> {}

export interface LayerProps extends LayerPropsBase {
  /** Provider (region, account) of every resource the layer makes. @default the stack's default provider */
  readonly provider?: AlicloudProvider;
  /** OSS bucket name to upload the zip to. @default the stack's ArtifactBucket */
  readonly bucket?: string;
  /** License of the layer's content. @default none */
  readonly license?: string;
}

/**
 * An FC3 layer version from a local folder: zipped deterministically, uploaded to OSS
 * (`alicloud_oss_bucket_object`) and published (`alicloud_fcv3_layer_version`, private).
 */
export class Layer extends Construct implements ILayer {
  public readonly cloud = 'alicloud' as const;
  /** An existing layer version, by ARN (`acs:fc:<region>:<account>:layers/<name>/versions/<n>`; official layers use account "official"). */
  public static fromLayerVersionArn(scope: Construct, id: string, arn: string, options: { compatibleRuntimes?: string[] } = {}): ILayer {
    return new ImportedLayer(scope, id, arn, options);
  }

  public readonly layerVersion: Fcv3LayerVersion;
  public readonly object: OssBucketObject;
  public readonly asset: TerraformAsset;
  /** @internal The packaged folder (zip path, hashes); the library's own bookkeeping. */
  public readonly packaged: PackagedFolder;
  public readonly layerName: string;
  public readonly compatibleRuntimes: readonly string[];
  public readonly label: string;
  /** Layer version ARN. */
  public readonly arn: string;

  constructor(scope: Construct, id: string, props: LayerProps) {
    super(scope, id);
    tagConstruct(this, props.tags);
    useProvider(this, props.provider);
    this.layerName = props.layerName ?? uniqueName(this, 64, '_');
    checkFcName(this, 'layerName', this.layerName, 64);
    checkLayerBasics(this, props, 20);
    this.compatibleRuntimes = props.compatibleRuntimes;
    this.label = props.layerName ?? id;
    this.packaged = packageFolder(this, 'path', props.path);
    const upload = uploadToOss(this, '', this.packaged, `layers/${this.layerName}`, props.bucket, props.provider);
    this.asset = upload.asset;
    this.object = upload.object;
    this.layerVersion = new Fcv3LayerVersion(this, 'Default', {
      layerName: this.layerName,
      // An ordered ForceNew list that the provider overwrites with FC's (sorted) order: emit it sorted,
      // or every apply would replace the layer version.
      compatibleRuntime: [...props.compatibleRuntimes].sort(),
      code: { ossBucketName: upload.refs.bucket, ossObjectName: upload.refs.key },
      description: props.description,
      license: props.license,
      acl: '0',
      // Every argument is ForceNew: publish the new version before the old one goes.
      lifecycle: { createBeforeDestroy: true },
    });
    // The provider's delete deletes the version; forgetting keeps it for the functions that use it.
    if (props.skipDestroy ?? true) forgetInsteadOfDestroy(this.layerVersion);
    this.arn = this.layerVersion.layerVersionArn;
  }

  /** The folder's files, for overlap and size analysis. */
  public get listing(): FolderListing {
    return this.packaged;
  }

  /** Hash of the layer's content. */
  public get contentHash(): string {
    return this.packaged.contentHash;
  }
}

/** An existing layer version, as a construct in the tree (`Layer.fromLayerVersionArn`). */
class ImportedLayer extends Construct implements ILayer {
  public readonly cloud = 'alicloud' as const;
  public readonly label: string;
  public readonly compatibleRuntimes?: readonly string[];

  constructor(
    scope: Construct,
    id: string,
    public readonly arn: string,
    options: { compatibleRuntimes?: string[] },
  ) {
    super(scope, id);
    checkPattern(
      this,
      'arn',
      arn,
      /^acs:fc:[a-z0-9-]+:(\d+|official):layers\/[A-Za-z0-9_-]+\/versions\/[0-9]+$/,
      'a layer version ARN (acs:fc:<region>:<account>:layers/<name>/versions/<version>)',
    );
    this.label = arn;
    this.compatibleRuntimes = options.compatibleRuntimes;
  }
}
