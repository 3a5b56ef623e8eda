import { IConstruct } from 'constructs';
import { checkPattern, fail, isToken } from './validation';

// What every function shares on both clouds: the props, the attributes of an imported function, and
// the checks of the props whose rules are the same on both (each cloud passes its own limits).

/** What every function takes, in the same words on both clouds; each cloud's props add its own settings. */
export interface FunctionPropsBase {
  /** Function name (AWS: 1-64 of letters, digits, "-", "_"; FC3: 1-64, starting with a letter or "_"). @default derived from the construct path */
  readonly functionName?: string;
  /** Description, at most 256 characters. @default none */
  readonly description?: string;
  /** Memory in MB: 128-10240 on AWS; 128-32768 and a multiple of 64 on FC3. @default 128 on AWS, 512 on FC3 */
  readonly memorySize?: number;
  /** Timeout in seconds: 1-900 on AWS, 1-86400 on FC3. @default 3 */
  readonly timeout?: number;
  /** Size of the instance's disk (`/tmp`) in MB: 512-10240 on AWS, 512 or 10240 on FC3. @default 512 */
  readonly diskSize?: number;
  /** Environment variables (keys: letters, digits and "_", starting with a letter; not a key the cloud reserves). @default none */
  readonly environment?: { [key: string]: string };
}

/** A function from a local code folder with ordered layers. */
export interface LayeredFunctionPropsBase extends FunctionPropsBase {
  /** Runtime identifier, e.g. `nodejs22.x` (AWS) or `nodejs20` (FC3). */
  readonly runtime: string;
  /** Entry point, e.g. `index.handler`. */
  readonly handler: string;
  /** Local folder with the function code. */
  readonly code: string;
}

/** The network a function reaches private resources through: its interfaces go in these subnets. */
export interface VpcOptionsBase {
  /** Subnets (AWS `subnet-…`; FC3 vSwitches, `vsw-…`) the function's network interfaces go in; several for several zones. */
  readonly subnetIds: string[];
  /** Security groups of those interfaces (AWS `sg-…`, up to 5; FC3 exactly one). */
  readonly securityGroupIds: string[];
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
  /**
   * Lets a service principal invoke on behalf of any resource of any account (no `sourceArn` nor
   * `sourceAccount`: the confused deputy, checkov CKV_AWS_364). Without it such a grant is refused.
   * AWS only: FC3 has no resource-based permission and refuses every condition. @default false
   */
  readonly allowAnySource?: boolean;
}

/** A cloud's rules for environment keys beyond the reserved ones. */
export interface EnvironmentRules {
  /** The key syntax. @default a letter, then letters, digits and "_" */
  readonly keyPattern?: RegExp;
  /** The key syntax in words. */
  readonly keyWords?: string;
  /** Most bytes of all keys and values together (UTF-8), and where the limit is stated. @default no limit checked */
  readonly maxBytes?: { readonly bytes: number; readonly source: string };
}

/** Environment keys: a shell-style name, not one the platform reserves; with `rules.maxBytes`, the total size. */
export function checkEnvironment(
  scope: IConstruct,
  environment: { [key: string]: string } | undefined,
  reserved: readonly string[],
  reservedPrefixes: readonly string[] = [],
  rules: EnvironmentRules = {},
): void {
  if (!environment) return;
  const keyPattern = rules.keyPattern ?? /^[A-Za-z][A-Za-z0-9_]*$/;
  const keyWords = rules.keyWords ?? 'letters, digits and "_", starting with a letter';
  let bytes = 0;
  let literal = true;
  for (const [key, value] of Object.entries(environment)) {
    if (isToken(key) || isToken(value)) literal = false;
    else bytes += Buffer.byteLength(key, 'utf8') + Buffer.byteLength(String(value), 'utf8');
  }
  if (rules.maxBytes && literal && bytes > rules.maxBytes.bytes) {
    fail(scope, 'environment', `at most ${rules.maxBytes.bytes} bytes of keys and values in all (${rules.maxBytes.source})`, `${bytes} bytes`, {
      verb: 'have',
    });
  }
  for (const key of Object.keys(environment)) {
    if (isToken(key)) continue;
    if (reserved.includes(key) || reservedPrefixes.some((p) => key.startsWith(p))) {
      fail(
        scope,
        'environment key',
        `a name the platform does not reserve (reserved: ${[...reserved, ...reservedPrefixes.map((p) => `${p}*`)].join(', ')})`,
        key,
      );
    }
    checkPattern(scope, 'environment key', key, keyPattern, keyWords);
  }
}

/** A description of at most 256 characters, the limit on both clouds. */
export function checkDescription(scope: IConstruct, description: string | undefined): void {
  checkPattern(scope, 'description', description, /^[\s\S]*$/, 'any text', { minLength: 0, maxLength: 256 });
}

/**
 * VPC placement: 1..maxSubnets (no bound when the cloud documents none) subnet IDs and 1..maxSecurityGroups security group IDs, each of the
 * cloud's ID form when literal, no duplicates. `form` names the form in messages, e.g. "subnet-…".
 */
export function checkVpc(
  scope: IConstruct,
  vpc: VpcOptionsBase | undefined,
  ids: { subnet: RegExp; subnetForm: string; maxSubnets?: number; securityGroup: RegExp; securityGroupForm: string; maxSecurityGroups: number },
): void {
  if (!vpc) return;
  const lists = [
    { prop: 'vpc.subnetIds', values: vpc.subnetIds, pattern: ids.subnet, form: ids.subnetForm, max: ids.maxSubnets },
    { prop: 'vpc.securityGroupIds', values: vpc.securityGroupIds, pattern: ids.securityGroup, form: ids.securityGroupForm, max: ids.maxSecurityGroups },
  ];
  for (const { prop, values, pattern, form, max } of lists) {
    if (isToken(values)) continue;
    if (!Array.isArray(values) || values.length < 1 || (max !== undefined && values.length > max)) {
      const count = max === 1 ? 'exactly one ID' : max === undefined ? 'at least one ID' : `1-${max} IDs`;
      fail(scope, prop, `${count} ("${form}"${max === 1 ? '' : ' each'})`, Array.isArray(values) ? values.length : values);
    }
    values.forEach((v) => checkPattern(scope, prop, v, pattern, `an ID of the form "${form}"`));
    const duplicate = values.find((v, i) => !isToken(v) && values.indexOf(v) !== i);
    if (duplicate !== undefined) fail(scope, prop, 'distinct IDs', duplicate);
  }
}
