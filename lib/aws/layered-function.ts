import { TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { S3Object } from '@cdktf/provider-aws/lib/s3-object';
import { sharedCodeUpload } from '../core/private/asset';
import { checkLayers, checkUnzippedSize, LayerOverlap, warnLayerOverlaps } from '../core/layers';
import { PackagedFolder, packageFolder } from '../core/package';
import { LayeredFunctionPropsBase } from '../core/function';
import { checkPattern, fail, isToken } from '../core/validation';
import { ArtifactBucket } from './artifact-bucket';
import { FunctionBase, FunctionCommonProps } from './function-base';
import { checkLayerVersionArn, ILayer } from './layer';
import { Architecture, AWS_LIMITS } from './limits';
import { checkLambdaRuntime, supportsSnapStart } from './private/runtimes';

export interface LayeredFunctionProps extends LayeredFunctionPropsBase, FunctionCommonProps {
  /**
   * Layers in order: a later layer overrides the same file of an earlier one (Lambda's own order).
   * `Layer`s of this library or layer version ARNs. At most 5. @default none
   */
  readonly layers?: (ILayer | string)[];
  /** Bucket name to upload the code zip to. @default the stack's ArtifactBucket */
  readonly bucket?: string;
  /**
   * SnapStart: Lambda initializes each published version once and resumes new instances from its
   * snapshot (Java 11+, Python 3.12+, .NET 8+; `diskSize` at most 512). @default false
   */
  readonly snapStart?: boolean;
}

/**
 * A Lambda function from a local code folder with ordered layers: the code is zipped
 * deterministically and uploaded to S3, the function publishes a version on every change, and
 * its role may only write its own logs. `httpTrigger` adds a function URL, as on CustomImageFunction.
 */
export class LayeredFunction extends FunctionBase {
  public readonly function: LambdaFunction;
  /** The code zip in S3 (shared by every function of the stack built from the same content). */
  public readonly codeObject: S3Object;
  public readonly codeAsset: TerraformAsset;
  public readonly packaged: PackagedFolder;
  /** The layers, in the order emitted (the user's order). */
  public readonly layers: readonly ILayer[];
  /** Files present in more than one local layer (each also reported as a synth warning). */
  public readonly layerOverlaps: readonly LayerOverlap[];

  /** @internal Whether SnapStart is on (provisioned concurrency is refused for such a function). */
  public readonly snapStartEnabled: boolean;

  constructor(scope: Construct, id: string, props: LayeredFunctionProps) {
    super(scope, id, props);
    checkLambdaRuntime(this, 'runtime', props.runtime);
    checkPattern(this, 'handler', props.handler, /^[^\s]+$/, 'a handler without spaces such as "index.handler"', { maxLength: AWS_LIMITS.handlerMax });
    (props.layers ?? []).forEach((l, i) => {
      if (typeof l === 'string') checkLayerVersionArn(this, `layers[${i}]`, l);
    });
    const checked = checkLayers<ILayer>(this, props.layers, props.runtime, (arn) => ({ cloud: 'aws', arn, label: arn }));
    this.layers = checked.layers;
    const architecture = props.architecture ?? Architecture.X86_64;
    this.layers.forEach((l: ILayer, i) => {
      const archs = l.compatibleArchitectures;
      if (archs && archs.length > 0 && !archs.includes(architecture)) {
        fail(
          this,
          `layers[${i}]`,
          `a layer built for the function's architecture "${architecture}" (layer ${JSON.stringify(l.label)} lists ${archs.join(', ')})`,
          l.label,
        );
      }
    });
    this.snapStartEnabled = props.snapStart === true;
    if (props.snapStart) {
      if (!isToken(props.runtime) && !supportsSnapStart(props.runtime)) {
        fail(
          this,
          'snapStart',
          `left out for runtime ${JSON.stringify(props.runtime)} (SnapStart supports Java 11+, Python 3.12+ and .NET 8+)`,
          props.snapStart,
        );
      }
      if ((props.diskSize ?? 512) > 512) {
        fail(this, 'snapStart', `left out with diskSize ${props.diskSize} MB (SnapStart supports at most 512 MB of /tmp)`, props.snapStart);
      }
    }
    const localLayers = checked.local;
    const arns = this.layers.map((l) => l.arn);

    this.packaged = packageFolder(this, 'code', props.code);
    checkUnzippedSize(
      this,
      [
        { label: `code ${JSON.stringify(props.code)}`, bytes: this.packaged.unzippedSize },
        ...localLayers.map((l) => ({ label: `layer ${JSON.stringify(l.label)}`, bytes: l.listing.unzippedSize })),
      ],
      AWS_LIMITS.unzippedMax,
    );
    this.layerOverlaps = warnLayerOverlaps(this, localLayers);

    const upload = sharedCodeUpload(
      this,
      this.packaged,
      props.bucket,
      (owner, id, asset, key) =>
        new S3Object(owner, id, {
          bucket: props.bucket ?? ArtifactBucket.of(this, { provider: props.provider }).bucketName,
          key,
          source: asset.path,
          sourceHash: this.packaged.zipSha256,
          // The key is content-addressed: upload the new zip before the function moves to it and the old one goes.
          lifecycle: { createBeforeDestroy: true },
        }),
      (o) => ({ bucket: o.bucket, key: o.key }),
      props.provider,
    );
    this.codeAsset = upload.asset;
    this.codeObject = upload.object;
    this.function = new LambdaFunction(this, 'Default', {
      ...this.commonFunctionConfig(props, props.environment),
      runtime: props.runtime,
      handler: props.handler,
      packageType: 'Zip',
      s3Bucket: upload.refs.bucket,
      s3Key: upload.refs.key,
      sourceCodeHash: this.packaged.zipSha256,
      // Never sorted: on Lambda a later layer overrides an earlier one, which is the library's meaning.
      layers: arns.length > 0 ? arns : undefined,
      // Lambda takes the snapshot when it publishes a version; every version here is published.
      snapStart: props.snapStart ? { applyOn: 'PublishedVersions' } : undefined,
    });
    this.addHttpTrigger(props.httpTrigger);
  }
}
