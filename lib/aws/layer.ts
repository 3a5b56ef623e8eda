import { TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { LambdaLayerVersion } from '@cdktf/provider-aws/lib/lambda-layer-version';
import { S3Object } from '@cdktf/provider-aws/lib/s3-object';
import { artifactKey, zipAsset } from '../core/asset';
import { uniqueName } from '../core/names';
import { LayerRef } from '../core/layers';
import { FolderListing, PackagedFolder, packageFolder } from '../core/package';
import { LayerPropsBase } from '../core/types';
import { checkLayerBasics } from '../core/checks';
import { checkPattern } from '../core/validation';
import { ArtifactBucket } from './artifact-bucket';
import { Architecture, checkArchitecture } from './limits';

/** A layer a function can use: built here, or an existing layer version ARN. */
export interface ILayer extends LayerRef {}

export interface LayerProps extends LayerPropsBase {
  /** Instruction sets the layer supports. @default not declared (any) */
  readonly compatibleArchitectures?: Architecture[];
  /** Bucket name to upload the zip to. @default the stack's ArtifactBucket */
  readonly bucket?: string;
  /** License of the layer's content (SPDX id or URL). @default none */
  readonly licenseInfo?: string;
}

/**
 * A Lambda layer version from a local folder: zipped deterministically, uploaded to S3
 * (`aws_s3_object`) and published (`aws_lambda_layer_version`). Attach it to any number of
 * functions, in this stack or another stack of the app.
 */
export class Layer extends Construct implements ILayer {
  /** An existing layer version, by ARN. */
  public static fromLayerVersionArn(scope: Construct, id: string, arn: string, options: { compatibleRuntimes?: string[] } = {}): ILayer {
    const ref = new Construct(scope, id);
    checkPattern(ref, 'arn', arn, /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:layer:[A-Za-z0-9_-]+:[0-9]+$/, 'a layer version ARN (arn:aws:lambda:<region>:<account>:layer:<name>:<version>)');
    return { arn, label: arn, compatibleRuntimes: options.compatibleRuntimes };
  }

  public readonly layerVersion: LambdaLayerVersion;
  public readonly object: S3Object;
  public readonly asset: TerraformAsset;
  public readonly packaged: PackagedFolder;
  public readonly layerName: string;
  public readonly compatibleRuntimes: readonly string[];
  public readonly label: string;
  /** Layer version ARN. */
  public readonly arn: string;

  constructor(scope: Construct, id: string, props: LayerProps) {
    super(scope, id);
    this.layerName = props.layerName ?? uniqueName(this, 140);
    checkPattern(this, 'layerName', this.layerName, /^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_"', { maxLength: 140 });
    checkLayerBasics(this, props, 15);
    (props.compatibleArchitectures ?? []).forEach((a) => checkArchitecture(this, 'compatibleArchitectures', a));

    this.compatibleRuntimes = props.compatibleRuntimes;
    this.label = props.layerName ?? id;
    this.packaged = packageFolder(this, 'path', props.path);
    this.asset = zipAsset(this, 'Asset', this.packaged);
    const bucket = props.bucket ?? ArtifactBucket.of(this).bucketName;
    this.object = new S3Object(this, 'Object', {
      bucket,
      key: artifactKey(`layers/${this.layerName}`, this.packaged),
      source: this.asset.path,
      sourceHash: this.packaged.zipSha256,
      // The key is content-addressed: upload the new zip before the old one goes.
      lifecycle: { createBeforeDestroy: true },
    });
    this.layerVersion = new LambdaLayerVersion(this, 'Default', {
      layerName: this.layerName,
      s3Bucket: this.object.bucket,
      s3Key: this.object.key,
      sourceCodeHash: this.packaged.zipSha256,
      compatibleRuntimes: [...props.compatibleRuntimes],
      compatibleArchitectures: props.compatibleArchitectures,
      description: props.description,
      licenseInfo: props.licenseInfo,
      // Lambda keeps it published (layer_version.go skips DeleteLayerVersion); AWS CDK's default too.
      skipDestroy: props.skipDestroy ?? true,
      // A new content is a new layer version: publish it before the old one is deleted, so the
      // functions are updated to the new ARN first.
      lifecycle: { createBeforeDestroy: true },
    });
    this.arn = this.layerVersion.arn;
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
