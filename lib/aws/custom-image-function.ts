import { Construct } from 'constructs';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { checkImageFunctionBasics, CustomImageFunctionPropsBase, warnUnpinnedImage } from '../core/image';
import { checkPattern, fail, isToken } from '../core/validation';
import { FunctionBase, FunctionCommonProps } from './function-base';
import { AWS_LIMITS } from './limits';

export interface CustomImageFunctionProps extends CustomImageFunctionPropsBase, FunctionCommonProps {
  /** Working directory of the start command. @default the image's WORKDIR */
  readonly workingDirectory?: string;
}

// <account>.dkr.ecr.<region>.amazonaws.com[.cn]/<repository>[:<tag>|@sha256:<digest>]
const ECR_IMAGE =
  /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?\/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})|@sha256:([a-f0-9]{64}))?$/;

/**
 * An HTTP server in a container image on Lambda. The image runs the AWS Lambda Web Adapter
 * (one `COPY` line in the Dockerfile, see README), which forwards invocations to `port` and
 * waits for `healthCheck.path` before the first one. `command` is the ENTRYPOINT override,
 * `args` the CMD override.
 */
export class CustomImageFunction extends FunctionBase {
  public readonly function: LambdaFunction;

  constructor(scope: Construct, id: string, props: CustomImageFunctionProps) {
    super(scope, id, props);
    checkImageFunctionBasics(this, props, AWS_LIMITS.imageArgsMax);
    checkImage(this, props.image);
    checkPattern(this, 'workingDirectory', props.workingDirectory, /^\//, 'an absolute path', { maxLength: AWS_LIMITS.workingDirectoryMax });

    // The adapter reads its settings from the environment; ours must not be silently overridden.
    const adapter: { [key: string]: string } = {};
    if (props.port !== undefined) adapter.AWS_LWA_PORT = String(props.port);
    if (props.healthCheck) adapter.AWS_LWA_READINESS_CHECK_PATH = props.healthCheck.path;
    for (const key of Object.keys(adapter)) {
      if (props.environment && key in props.environment) {
        fail(
          this,
          `environment.${key}`,
          `left to the construct, which sets it from ${key === 'AWS_LWA_PORT' ? 'port' : 'healthCheck.path'}`,
          props.environment![key],
        );
      }
    }
    const environment = { ...props.environment, ...adapter };

    const imageConfig =
      props.command || props.args || props.workingDirectory
        ? { entryPoint: props.command, command: props.args, workingDirectory: props.workingDirectory }
        : undefined;
    this.function = new LambdaFunction(this, 'Default', {
      ...this.commonFunctionConfig(props, environment),
      packageType: 'Image',
      imageUri: props.image,
      imageConfig,
    });
    this.addHttpTrigger(props.httpTrigger);
  }
}

function checkImage(scope: Construct, image: string): void {
  if (isToken(image)) return;
  const match = typeof image === 'string' ? ECR_IMAGE.exec(image) : null;
  if (!match) {
    fail(scope, 'image', 'an ECR image URI "<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>" or "…/<repository>@sha256:<digest>"', image);
  }
  const [, , , , , tag, digest] = match;
  warnUnpinnedImage(scope, image, tag, digest, 'Lambda takes "latest"');
}
