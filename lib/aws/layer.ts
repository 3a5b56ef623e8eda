import { TerraformAsset } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { LambdaLayerVersion } from '@cdktf/provider-aws/lib/lambda-layer-version';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Object } from '@cdktf/provider-aws/lib/s3-object';
import { artifactKey, zipAsset } from '../core/private/asset';
import { uniqueName } from '../core/private/names';
import { useProvider } from '../core/private/provider';
import { ILayerContract } from '../core/contracts';
import { FolderListing, PackagedFolder, packageFolder } from '../core/package';
import { checkLayerBasics, LayerPropsBase } from '../core/layers';
import { tagConstruct } from '../core/tags';
import { checkPattern, isToken } from '../core/validation';
import { checkLambdaRuntime } from './private/runtimes';
import { ArtifactBucket } from './artifact-bucket';
import { Architecture, AWS_LAYER_NAME, AWS_LIMITS, checkArchitecture } from './limits';

/** A layer a function can use: built here, or an existing layer version ARN. */
export interface ILayer extends ILayerContract<'aws'> {
  /** Instruction sets it declares, when known (a function of another architecture cannot use it). */
  readonly compatibleArchitectures?: readonly string[];
}

// arn:<partition>:lambda:<region>:<account>:layer:<name>:<version>, in the partitions Lambda runs in.
const LAYER_VERSION_ARN = /^arn:aws(-cn|-us-gov|-iso|-iso-b)?:lambda:[a-z]{2}(-[a-z]+)+-\d:\d{12}:layer:[A-Za-z0-9_-]{1,140}:[1-9][0-9]*$/;

/** Checks a layer version ARN given as a string (an existing layer). */
export function checkLayerVersionArn(scope: IConstruct, prop: string, arn: string): void {
  if (isToken(arn)) return;
  checkPattern(scope, prop, arn, LAYER_VERSION_ARN, 'a Lambda layer version ARN: arn:aws[-cn|-us-gov]:lambda:<region>:<account>:layer:<name>:<version>');
}

export interface LayerProps extends LayerPropsBase {
  /** Provider (region, account) of every resource the layer makes, for several regions or accounts in one stack. @default the stack's default provider */
  readonly provider?: AwsProvider;
  /** Instruction sets the layer supports. @default not declared (any) */
  readonly compatibleArchitectures?: Architecture[];
  /** Bucket name to upload the zip to. @default the stack's ArtifactBucket */
  readonly bucket?: string;
  /** License of the layer's content (SPDX id or URL), at most 512 characters. @default none */
  readonly license?: string;
}

/**
 * A Lambda layer version from a local folder: zipped deterministically, uploaded to S3
 * (`aws_s3_object`) and published (`aws_lambda_layer_version`). Attach it to any number of
 * functions, in this stack or another stack of the app.
 */
export class Layer extends Construct implements ILayer {
  public readonly cloud = 'aws' as const;
  /** An existing layer version, by ARN. */
  public static fromLayerVersionArn(
    scope: Construct,
    id: string,
    arn: string,
    options: { compatibleRuntimes?: string[]; compatibleArchitectures?: Architecture[] } = {},
  ): ILayer {
    return new ImportedLayer(scope, id, arn, options);
  }

  public readonly layerVersion: LambdaLayerVersion;
  public readonly object: S3Object;
  public readonly asset: TerraformAsset;
  /** @internal The packaged folder (zip path, hashes); the library's own bookkeeping. */
  public readonly packaged: PackagedFolder;
  public readonly layerName: string;
  public readonly compatibleRuntimes: readonly string[];
  public readonly compatibleArchitectures?: readonly string[];
  public readonly label: string;
  /** Layer version ARN. */
  public readonly arn: string;

  constructor(scope: Construct, id: string, props: LayerProps) {
    super(scope, id);
    tagConstruct(this, props.tags);
    useProvider(this, props.provider);
    this.layerName = props.layerName ?? uniqueName(this, 140);
    checkPattern(this, 'layerName', this.layerName, AWS_LAYER_NAME, 'letters, digits, "-" and "_"', { maxLength: AWS_LIMITS.layerNameMax });
    checkLayerBasics(this, props, 15);
    (props.compatibleArchitectures ?? []).forEach((a) => checkArchitecture(this, 'compatibleArchitectures', a));
    props.compatibleRuntimes.forEach((r, i) => checkLambdaRuntime(this, `compatibleRuntimes[${i}]`, r));
    checkPattern(this, 'license', props.license, /^[\s\S]*$/, 'any text', { minLength: 0, maxLength: AWS_LIMITS.licenseMax });
    this.compatibleArchitectures = props.compatibleArchitectures;

    this.compatibleRuntimes = props.compatibleRuntimes;
    this.label = props.layerName ?? id;
    this.packaged = packageFolder(this, 'path', props.path);
    this.asset = zipAsset(this, 'Asset', this.packaged);
    const bucket = props.bucket ?? ArtifactBucket.of(this, { provider: props.provider }).bucketName;
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
      licenseInfo: props.license,
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

/** An existing layer version, as a construct in the tree (`Layer.fromLayerVersionArn`). */
class ImportedLayer extends Construct implements ILayer {
  public readonly cloud = 'aws' as const;
  public readonly label: string;
  public readonly compatibleRuntimes?: readonly string[];
  public readonly compatibleArchitectures?: readonly string[];

  constructor(
    scope: Construct,
    id: string,
    public readonly arn: string,
    options: { compatibleRuntimes?: string[]; compatibleArchitectures?: Architecture[] },
  ) {
    super(scope, id);
    checkLayerVersionArn(this, 'arn', arn);
    this.label = arn;
    this.compatibleRuntimes = options.compatibleRuntimes;
    this.compatibleArchitectures = options.compatibleArchitectures;
  }
}
