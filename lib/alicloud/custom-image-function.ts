import { Construct } from 'constructs';
import { checkImageFunctionBasics, CustomImageFunctionPropsBase, HealthCheckBase, warnUnpinnedImage } from '../core/image';
import { checkPattern, checkRange, fail, isToken } from '../core/validation';
import { warn } from '../core/warnings';
import { FunctionBase, FunctionCommonProps } from './function-base';
import { Fcv3Function } from '../generated/alicloud/fcv3-function';
import { Fcv3FunctionVersion } from '../generated/alicloud/fcv3-function-version';

/** The readiness check FC runs against the container before it routes requests to it. */
export interface HealthCheck extends HealthCheckBase {
  /** Seconds before the first check, 0-120. @default 0 */
  readonly initialDelay?: number;
  /** Seconds between checks, 1-120. @default 3 */
  readonly period?: number;
  /** Seconds a check may take, 1-3. @default 1 */
  readonly timeout?: number;
  /** Failed checks before the instance counts as unhealthy, 1-120. @default 3 */
  readonly failureThreshold?: number;
  /** Passed checks before it counts as healthy, 1-120. @default 1 */
  readonly successThreshold?: number;
}

export interface CustomImageFunctionProps extends CustomImageFunctionPropsBase, FunctionCommonProps {
  /** Container Registry Enterprise Edition instance ID (`cri-…`) the image is in; required for an Enterprise Edition image, refused for a Personal Edition one. @default none (a Personal Edition image) */
  readonly acrInstanceId?: string;
  /** Readiness check with FC's timings. @default none */
  readonly healthCheck?: HealthCheck;
}

// registry[-vpc].<region>.aliyuncs.com/<ns>/<repo> (Personal Edition) or
// <instance>-registry[-vpc].<region>.cr.aliyuncs.com/<ns>/<repo> (Enterprise Edition), then :<tag> or @sha256:<digest>
const ACR_IMAGE =
  /^(?:registry(?:-vpc)?\.([a-z0-9-]+)\.aliyuncs\.com|([a-z0-9][a-z0-9-]*)-registry(?:-vpc)?\.([a-z0-9-]+)\.cr\.aliyuncs\.com)\/([a-z0-9][a-z0-9._-]*)\/([a-z0-9][a-z0-9._/-]*?)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})|@sha256:([a-f0-9]{64}))?$/;

/** Where an image is: its registry's region, namespace and repository, and whether it is Enterprise Edition. */
interface AcrImage {
  readonly region: string;
  readonly enterprise: boolean;
  readonly namespace: string;
  readonly repository: string;
}

/**
 * An HTTP server in a container image on FC3 (`runtime = "custom-container"`): FC starts `command`
 * with `args`, routes requests to `port` (default 9000) once `healthCheck.path` answers, and an
 * optional HTTP trigger gives it a URL. FC runs linux/amd64 images only.
 */
export class CustomImageFunction extends FunctionBase {
  public readonly function: Fcv3Function;
  public readonly functionVersion: Fcv3FunctionVersion;

  constructor(scope: Construct, id: string, props: CustomImageFunctionProps) {
    super(scope, id, props);
    checkImageFunctionBasics(this, props, 100);
    const image = checkAcrImage(this, props.image);
    if (image) this.grantImagePull(image, props.acrInstanceId);
    else
      warn(
        this,
        'image is not known at synth, so its role gets no pull grant: add cr:GetAuthorizationToken on "*" and cr:PullRepository on the repository with addToRolePolicy',
      );
    if (!image && props.acrInstanceId !== undefined)
      checkPattern(this, 'acrInstanceId', props.acrInstanceId, /^cri-[a-z0-9]+$/, 'a Container Registry Enterprise Edition instance ID ("cri-…")');
    const health = props.healthCheck;
    if (health) {
      checkRange(this, 'healthCheck.initialDelay', health.initialDelay, 0, 120, { unit: 's' });
      checkRange(this, 'healthCheck.period', health.period, 1, 120, { unit: 's' });
      checkRange(this, 'healthCheck.timeout', health.timeout, 1, 3, { unit: 's' });
      checkRange(this, 'healthCheck.failureThreshold', health.failureThreshold, 1, 120);
      checkRange(this, 'healthCheck.successThreshold', health.successThreshold, 1, 120);
    }

    const port = props.port ?? 9000;
    const containerConfig = {
      image: props.image,
      acrInstanceId: props.acrInstanceId,
      entrypoint: props.command,
      command: props.args,
      port,
      healthCheckConfig: health
        ? {
            httpGetUrl: health.path,
            initialDelaySeconds: health.initialDelay ?? 0,
            periodSeconds: health.period ?? 3,
            timeoutSeconds: health.timeout ?? 1,
            failureThreshold: health.failureThreshold ?? 3,
            successThreshold: health.successThreshold ?? 1,
          }
        : undefined,
    };
    this.function = new Fcv3Function(this, 'Default', {
      ...this.commonFunctionConfig(props),
      runtime: 'custom-container',
      // Required by aliyun/alicloud (resource_alicloud_fcv3_function.go: "handler" Required, no
      // exception for custom-container), so it cannot be left out; FC does not call a handler in a
      // custom container, which receives requests on its port.
      handler: 'index.handler',
      customContainerConfig: containerConfig,
      // FC pulls the image with the role (and checks it when the function is created): the pull
      // grant must exist first.
      dependsOn: this.rolePolicyAttachment ? [this.rolePolicyAttachment] : undefined,
    });
    this.functionVersion = this.publishVersion({});
    this.addHttpTrigger(props.httpTrigger);
  }

  /**
   * FC assumes the function's role, gets a temporary registry password (cr:GetAuthorizationToken,
   * which ACR authorizes against "*" only) and pulls (cr:PullRepository on the one repository: ACR
   * ARNs `acs:cr:<region>:<account>:repository/<namespace>/<repository>` for the Personal Edition,
   * `…:repository/<instance id>/<namespace>/<repository>` for an Enterprise Edition instance).
   */
  private grantImagePull(image: AcrImage, acrInstanceId: string | undefined): void {
    if (image.enterprise && acrInstanceId === undefined) {
      fail(
        this,
        'acrInstanceId',
        'the Enterprise Edition instance ID ("cri-…") of the image\'s registry, which FC needs to pull from it and the pull grant names',
        acrInstanceId,
      );
    }
    if (!image.enterprise && acrInstanceId !== undefined) {
      fail(this, 'acrInstanceId', 'unset for a Personal Edition image (registry[-vpc].<region>.aliyuncs.com has no instance)', acrInstanceId);
    }
    if (acrInstanceId !== undefined)
      checkPattern(this, 'acrInstanceId', acrInstanceId, /^cri-[a-z0-9]+$/, 'a Container Registry Enterprise Edition instance ID ("cri-…")');
    const { region, account } = this.location;
    if (image.region !== region) {
      fail(
        this,
        'image',
        `an image in the function's region ${region} (FC pulls only from Container Registry in the function's region and account)`,
        `${image.region} (${image.namespace}/${image.repository})`,
      );
    }
    const instance = acrInstanceId !== undefined ? `${acrInstanceId}/` : '';
    this.addToRolePolicy({ actions: ['cr:GetAuthorizationToken'], resources: ['*'] });
    this.addToRolePolicy({
      actions: ['cr:PullRepository'],
      resources: [`acs:cr:${region}:${account}:repository/${instance}${image.namespace}/${image.repository}`],
    });
  }
}

/** Checks the image address and tells where it is; undefined when the image is not known at synth. */
function checkAcrImage(scope: Construct, image: string): AcrImage | undefined {
  if (isToken(image)) return undefined;
  const match = typeof image === 'string' ? ACR_IMAGE.exec(image) : null;
  if (!match) {
    fail(
      scope,
      'image',
      'an Alibaba Cloud Container Registry image: "registry[-vpc].<region>.aliyuncs.com/<namespace>/<repository>:<tag>" or "<instance>-registry[-vpc].<region>.cr.aliyuncs.com/<namespace>/<repository>:<tag>" (or @sha256:<digest>)',
      image,
    );
  }
  const [, personalRegion, instanceName, enterpriseRegion, namespace, repository, tag, digest] = match;
  warnUnpinnedImage(scope, image, tag, digest, '"latest" is pulled');
  return { region: personalRegion ?? enterpriseRegion, enterprise: instanceName !== undefined, namespace, repository };
}
