/**
 * Cloud-neutral props: one vocabulary for both clouds. Each cloud's construct props extend these
 * with settings only that cloud has.
 */

/** Tags for every resource a construct creates that takes tags. */
export interface TaggableProps {
  /** Tags (keys 1-128 characters, values at most 256), added to the stack-wide ones of `Tags.of(stack)`. @default none */
  readonly tags?: { [key: string]: string };
}

/** The network a function reaches private resources through: its interfaces go in these subnets. */
export interface VpcOptionsBase {
  /** Subnets (AWS `subnet-…`; FC3 vSwitches, `vsw-…`) the function's network interfaces go in; several for several zones. */
  readonly subnetIds: string[];
  /** Security groups of those interfaces (AWS `sg-…`, up to 5; FC3 exactly one). */
  readonly securityGroupIds: string[];
}

/** A layer built from a local folder. */
export interface LayerPropsBase extends TaggableProps {
  /** Local folder whose content is unpacked under /opt (e.g. it holds `nodejs/node_modules/lodash`). */
  readonly path: string;
  /** Runtimes the layer is for; a function whose runtime is not listed cannot use it. */
  readonly compatibleRuntimes: string[];
  /** Name of the layer. @default derived from the construct path */
  readonly layerName?: string;
  /** Description of the layer. @default none */
  readonly description?: string;
  /**
   * Keep a layer version in the cloud when a new one replaces it (or the layer is removed): functions
   * in other stacks, and the versions functions published earlier, still name it. `false` deletes it.
   * @default true
   */
  readonly skipDestroy?: boolean;
}

/** A function from a local code folder with ordered layers. */
export interface LayeredFunctionPropsBase {
  /** Runtime identifier, e.g. `nodejs22.x` (AWS) or `nodejs20` (FC3). */
  readonly runtime: string;
  /** Entry point, e.g. `index.handler`. */
  readonly handler: string;
  /** Local folder with the function code. */
  readonly code: string;
  /** Memory in MB. @default 128 on AWS, 512 on FC3 */
  readonly memorySize?: number;
  /** Timeout in seconds. @default 3 */
  readonly timeout?: number;
  /** Size of the instance's disk (`/tmp`) in MB: 512-10240 on AWS, 512 or 10240 on FC3. @default 512 */
  readonly diskSize?: number;
  /** Environment variables. @default none */
  readonly environment?: { [key: string]: string };
  /** Function name. @default derived from the construct path */
  readonly functionName?: string;
  /** Description. @default none */
  readonly description?: string;
}

/** The HTTP readiness check of a container: the platform waits until it answers 2xx. */
export interface HealthCheckBase {
  /** HTTP path probed on the container's port; must start with `/`, e.g. `/healthz`. */
  readonly path: string;
}

/** An HTTP server in a container image. */
export interface CustomImageFunctionPropsBase {
  /** Image reference in the cloud's registry; pin a digest for reproducible deploys. */
  readonly image: string;
  /** Start command (the image's ENTRYPOINT override). @default the image's ENTRYPOINT */
  readonly command?: string[];
  /** Arguments of the start command (the image's CMD override). @default the image's CMD */
  readonly args?: string[];
  /** Port the HTTP server listens on (1-65535). @default 9000 on FC3; 8080 (the adapter's default) on AWS */
  readonly port?: number;
  /** Readiness check. @default none */
  readonly healthCheck?: HealthCheckBase;
  /** Memory in MB. @default 128 on AWS, 512 on FC3 */
  readonly memorySize?: number;
  /** Timeout in seconds. @default 3 */
  readonly timeout?: number;
  /** Size of the instance's disk (`/tmp`) in MB: 512-10240 on AWS, 512 or 10240 on FC3. @default 512 */
  readonly diskSize?: number;
  /** Environment variables. @default none */
  readonly environment?: { [key: string]: string };
  /** Function name. @default derived from the construct path */
  readonly functionName?: string;
  /** Description. @default none */
  readonly description?: string;
}

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

/** A function made elsewhere, as both clouds import it (`FunctionBase.fromFunctionAttributes`). */
export interface FunctionAttributes {
  /** ARN of the function; its name (and on FC3 its region and account) are read from it. */
  readonly functionArn: string;
  /** A published version, for an alias's default canary. @default none */
  readonly version?: string;
  /** Timeout in seconds, for sizing a queue in front. @default 3 */
  readonly timeout?: number;
  /** Name of the function's execution role: grants are attached to it. @default grants are refused */
  readonly roleName?: string;
}

/** Conditions on a principal's permission to invoke (AWS `aws_lambda_permission`). */
export interface GrantInvokeOptions {
  /** Only calls made on behalf of this resource, e.g. a rule's or a bucket's ARN (`source_arn`). @default any */
  readonly sourceArn?: string;
  /** Only calls on behalf of resources of this account (`source_account`). @default any */
  readonly sourceAccount?: string;
}
