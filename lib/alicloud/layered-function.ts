import { TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { checkLayers, LayerOverlap, warnLayerOverlaps } from '../core/layers';
import { PackagedFolder, packageFolder } from '../core/package';
import { LayeredFunctionPropsBase } from '../core/function';
import { checkOneOf, checkPattern, fail } from '../core/validation';
import { FunctionBase, FunctionCommonProps } from './function-base';
import { ILayer } from './layer';
import { FC_RUNTIMES } from './limits';
import { Fcv3Function } from '../generated/alicloud/fcv3-function';
import { Fcv3FunctionVersion } from '../generated/alicloud/fcv3-function-version';
import { OssBucketObject } from '../generated/alicloud/oss-bucket-object';
import { uploadCodeToOss } from './private/upload';

/** FC3 takes code packages up to 500 MB through OSS. */
const MAX_CODE_ZIP = 500 * 1024 * 1024;

export interface LayeredFunctionProps extends LayeredFunctionPropsBase, FunctionCommonProps {
  /**
   * Layers in order: a later layer overrides the same file of an earlier one, as on AWS. FC3 itself
   * gives the first layer precedence, so the library emits the list reversed. At most 5. @default none
   */
  readonly layers?: (ILayer | string)[];
  /** OSS bucket name to upload the code zip to. @default the stack's ArtifactBucket */
  readonly bucket?: string;
}

/**
 * An FC3 function from a local code folder with ordered layers: code zipped deterministically and
 * uploaded to OSS, a RAM role only FC can assume, and a version published for every change.
 * `httpTrigger` adds an HTTP trigger, as on CustomImageFunction.
 */
export class LayeredFunction extends FunctionBase {
  public readonly function: Fcv3Function;
  public readonly functionVersion: Fcv3FunctionVersion;
  public readonly codeObject: OssBucketObject;
  public readonly codeAsset: TerraformAsset;
  public readonly packaged: PackagedFolder;
  /** The layers in the user's order (the emitted `layers` list is this, reversed). */
  public readonly layers: readonly ILayer[];
  /** Files present in more than one local layer (each also reported as a synth warning). */
  public readonly layerOverlaps: readonly LayerOverlap[];

  constructor(scope: Construct, id: string, props: LayeredFunctionProps) {
    super(scope, id, props);
    checkOneOf<string>(this, 'runtime', props.runtime, FC_RUNTIMES);
    checkPattern(this, 'handler', props.handler, /^[^\s]+$/, 'a handler without spaces such as "index.handler"', { maxLength: 128 });
    const checked = checkLayers<ILayer>(this, props.layers, props.runtime, (arn) => ({ cloud: 'alicloud', arn, label: arn }));
    this.layers = checked.layers;
    this.layerOverlaps = warnLayerOverlaps(this, checked.local);

    this.packaged = packageFolder(this, 'code', props.code);
    if (this.packaged.zipSize > MAX_CODE_ZIP)
      fail(this, 'code', `a folder that zips to at most ${MAX_CODE_ZIP} bytes`, `${this.packaged.zipSize} bytes zipped`);
    const upload = uploadCodeToOss(this, this.packaged, props.bucket, props.provider);
    this.codeAsset = upload.asset;
    this.codeObject = upload.object;

    // FC3 merges layers so that the first one in its list wins; ours means "later wins": reverse.
    const emitted = [...this.layers].reverse().map((l) => l.arn);
    this.function = new Fcv3Function(this, 'Default', {
      ...this.commonFunctionConfig(props),
      runtime: props.runtime,
      handler: props.handler,
      code: { ossBucketName: upload.refs.bucket, ossObjectName: upload.refs.key },
      layers: emitted.length > 0 ? emitted : undefined,
    });
    // The code key and local layer ARNs are references: their content hashes stand in for them.
    this.functionVersion = this.publishVersion({ code: this.packaged.contentHash, layers: this.layers.map((l) => l.contentHash ?? l.arn).join(',') });
    this.addHttpTrigger(props.httpTrigger);
  }
}
