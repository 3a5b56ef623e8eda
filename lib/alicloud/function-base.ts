import { Fn, ITerraformDependable, Lazy, TerraformLocal, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { checkDescription, checkEnvironment, checkVpc, FunctionAttributes, FunctionPropsBase, GrantInvokeOptions, VpcOptionsBase } from '../core/function';
import { fingerprint } from '../core/private/fingerprint';
import { uniqueName } from '../core/private/names';
import { providerSuffix, useProvider } from '../core/private/provider';
import { StackState } from '../core/private/stack-state';
import { tagConstruct, TaggableProps } from '../core/tags';
import { checkPattern, fail, isToken } from '../core/validation';
import { forgetInsteadOfDestroy } from './engine';
import { checkFcCapacity, checkFcName, FC_ENVIRONMENT_KEY, FC_LIMITS, FC_RESERVED_ENVIRONMENT, FC_RESERVED_PREFIXES } from './limits';
import { HttpAuthType, HttpTriggerOptions } from './http-trigger-options';
import { httpTrigger } from './private/http-trigger';
import { ImportedFunction } from './private/imported-function';
import { grantInvoke } from './private/invoke';
import { FcLocation, IFunction } from './function';
import { RamGrants, RamStatement } from './policy';
import { AlicloudProvider } from '../generated/alicloud/provider';
import { Fcv3Function, Fcv3FunctionConfig } from '../generated/alicloud/fcv3-function';
import { Fcv3FunctionVersion } from '../generated/alicloud/fcv3-function-version';
import { Fcv3Trigger } from '../generated/alicloud/fcv3-trigger';
import { RamPolicy } from '../generated/alicloud/ram-policy';
import { RamRole } from '../generated/alicloud/ram-role';
import { RamRolePolicyAttachment } from '../generated/alicloud/ram-role-policy-attachment';

/** SLS logging for a function. */
export interface LogConfig {
  /** SLS project. */
  readonly project: string;
  /** SLS logstore. */
  readonly logstore: string;
}

/** Where an FC3 function's network interfaces go (FC's `VPCConfig`). */
export interface VpcOptions extends VpcOptionsBase {
  /** The VPC (`vpc-…`) the vSwitches are in. */
  readonly vpcId: string;
}

/** Props every function of this library takes on FC3. */
export interface FunctionCommonProps extends FunctionPropsBase, TaggableProps {
  /** Provider (region, account) of every resource the construct makes, and of the ARNs its grants name. @default the stack's default provider */
  readonly provider?: AlicloudProvider;
  /** vCPUs, 0.05-16 in steps of 0.05, with a vCPU : memory (GB) ratio between 1:1 and 1:4. @default chosen by FC from the memory */
  readonly cpu?: number;
  /** Requests one instance serves at once, 1-200. @default 1 */
  readonly instanceConcurrency?: number;
  /** Send logs to this SLS logstore (the role gets `log:PostLogStoreLogs` on it only). @default no logging */
  readonly logConfig?: LogConfig;
  /** VPC, vSwitches (`subnetIds`) and the one security group for reaching private resources. @default not in a VPC */
  readonly vpc?: VpcOptions;
  /** Adds an HTTP trigger: `true` for the defaults (signed requests). @default no trigger */
  readonly httpTrigger?: boolean | HttpTriggerOptions;
}

const DEFAULT_TIMEOUT = 3;
const DEFAULT_MEMORY = 512;

/**
 * The stack's default AlicloudProvider (the one without an alias, else the first), found once per
 * stack (a search per function would cost O(n²)).
 */
function defaultProviderOf(stack: TerraformStack): AlicloudProvider | undefined {
  return StackState.of(stack).find('alicloudProvider', () => {
    const all = stack.node.findAll().filter((c): c is AlicloudProvider => c instanceof AlicloudProvider);
    return all.find((p) => !p.alias) ?? all[0];
  });
}

/**
 * The region RAM ARNs need: the given provider's literal region; without one, the context key
 * `cdktf-serverless:alicloudRegion` or the stack's default provider's literal region.
 */
export function regionOf(scope: IConstruct, provider?: AlicloudProvider): string {
  const stack = TerraformStack.of(scope);
  const fromContext = scope.node.tryGetContext('cdktf-serverless:alicloudRegion') as string | undefined;
  const region = provider?.alias ? provider.region : (fromContext ?? (provider ?? defaultProviderOf(stack))?.region);
  if (!region || isToken(region)) {
    const which = provider?.alias
      ? `the AlicloudProvider "${provider.alias}"`
      : `the AlicloudProvider of stack ${stack.node.id} (or in context "cdktf-serverless:alicloudRegion")`;
    fail(scope, 'region', `set on ${which} so RAM policies name exact resources`, region === undefined ? undefined : 'an unresolved value');
  }
  return region;
}

/**
 * Region and account for the ARNs of a stack, made once per stack. The account is the provider's
 * literal `account_id` when set; otherwise it is read from the first execution role's ARN
 * (`acs:ram::<account>:role/<name>`) through one stack-level local: every role of the stack is in
 * the same account, and reading it from a role keeps functions free of dependency cycles.
 */
export function locationOf(scope: IConstruct, roleArn: string, provider?: AlicloudProvider): FcLocation {
  const stack = TerraformStack.of(scope);
  // Per provider: a second provider may be another region or account.
  const suffix = providerSuffix(provider);
  return StackState.of(stack).remember(`alicloudLocation${suffix}`, () => {
    const region = regionOf(scope, provider);
    const accountId = (provider?.alias ? provider : defaultProviderOf(stack))?.accountId;
    const account =
      accountId && !isToken(accountId) ? accountId : new TerraformLocal(stack, `ServerlessAccountId${suffix}`, Fn.element(Fn.split(':', roleArn), 3)).asString;
    return { region, account };
  });
}

/**
 * What every FC3 function of the library has: a RAM role that only FC may assume, one custom RAM
 * policy (created with the first grant) holding exactly what other constructs need, the
 * `alicloud_fcv3_function`, and a published `alicloud_fcv3_function_version`.
 */
export abstract class FunctionBase extends Construct implements IFunction {
  /**
   * A function made elsewhere, by ARN (`acs:fc:<region>:<account>:functions/<name>`), for
   * CanaryAlias and AsyncWithDeadLetter. Give `roleName` so that they can grant what they need.
   */
  public static fromFunctionAttributes(scope: Construct, id: string, attrs: FunctionAttributes): IFunction {
    return new ImportedFunction(scope, id, attrs);
  }

  public readonly cloud = 'alicloud' as const;
  /** The provider of the function's resources (undefined: the stack's default). */
  public readonly provider?: AlicloudProvider;
  public readonly role: RamRole;
  /** The custom policy with every grant; undefined until something is granted. */
  public get rolePolicy(): RamPolicy | undefined {
    return this.grants.policy;
  }
  /** Attaches rolePolicy to the role. */
  public get rolePolicyAttachment(): RamRolePolicyAttachment | undefined {
    return this.grants.attachment;
  }

  public abstract readonly function: Fcv3Function;
  /** The published version (see README, "Versions on FC3"). */
  public abstract readonly functionVersion: Fcv3FunctionVersion;
  public readonly timeoutSeconds: number;
  /** The literal name, for what must be known at synth. */
  private readonly name: string;
  private readonly roleArn: string;
  private resolvedLocation?: FcLocation;
  private readonly grants = new RamGrants(this, `Least-privilege grants of ${this.node.path}`);
  private nameReference?: string;
  private versionForgotten = false;
  private httpTriggerResource?: Fcv3Trigger;

  protected constructor(scope: Construct, id: string, props: FunctionCommonProps) {
    super(scope, id);
    tagConstruct(this, props.tags);
    useProvider(this, props.provider);
    this.provider = props.provider;
    this.name = props.functionName ?? uniqueName(this, 64, '_');
    checkFcName(this, 'functionName', this.name, FC_LIMITS.functionNameMax);
    checkFcCapacity(this, props);
    checkEnvironment(this, props.environment, FC_RESERVED_ENVIRONMENT, FC_RESERVED_PREFIXES, {
      keyPattern: FC_ENVIRONMENT_KEY,
      keyWords: 'letters, digits and "_", starting with a letter',
      maxBytes: { bytes: FC_LIMITS.environmentBytesMax, source: 'FC "Configure environment variables": 4 KB' },
    });
    // FC's VPCConfig takes one securityGroupId and a list of vSwitchIds (API 2023-03-30).
    checkVpc(this, props.vpc, {
      subnet: /^vsw-[a-z0-9]+$/,
      subnetForm: 'vsw-…',
      securityGroup: /^sg-[a-z0-9]+$/,
      securityGroupForm: 'sg-…',
      maxSecurityGroups: 1,
    });
    if (props.vpc) checkPattern(this, 'vpc.vpcId', props.vpc.vpcId, /^vpc-[a-z0-9]+$/, 'an ID of the form "vpc-…"');
    checkDescription(this, props.description);
    this.timeoutSeconds = props.timeout ?? DEFAULT_TIMEOUT;

    this.role = new RamRole(this, 'Role', {
      roleName: uniqueName(this, 64),
      description: `Execution role of ${this.node.path}`,
      assumeRolePolicyDocument: JSON.stringify({
        Version: '1',
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['fc.aliyuncs.com'] } }],
      }),
    });
    this.roleArn = this.role.arn;
    if (props.logConfig) {
      const { project, logstore } = props.logConfig;
      this.addToRolePolicy({
        actions: ['log:PostLogStoreLogs'],
        resources: [`acs:log:${this.location.region}:${this.location.account}:project/${project}/logstore/${logstore}`],
      });
    }
  }

  /**
   * Region and account for ARNs naming this function's resources; resolved on first use, so a
   * function that needs no grant does not need a literal region either.
   */
  public get location(): FcLocation {
    return (this.resolvedLocation ??= locationOf(this, this.roleArn, this.provider));
  }

  /** Function name, as a reference: whatever names the function through it depends on it. */
  public get functionName(): string {
    return (this.nameReference ??= this.function.functionName);
  }

  /** Function ARN. */
  public get arn(): string {
    return this.function.functionArn;
  }

  /** Id of the version the library published for the current code and configuration. */
  public get version(): string {
    return this.functionVersion.versionId;
  }

  /** Adds a statement to the function's custom RAM policy. */
  public addToRolePolicy(statement: RamStatement): void {
    this.grants.add(statement, this.role.roleName);
  }

  /**
   * Lets another function (its role gets `fc:InvokeFunction` on this function) or a RAM role (given
   * by ARN; a custom policy with the same statement is attached to it) invoke this function.
   */
  public grantInvoke(grantee: IFunction | string, options?: GrantInvokeOptions): void {
    grantInvoke(this, { functionName: this.functionName, location: this.location }, grantee, options);
  }

  /** The HTTP trigger, when `httpTrigger` is set. */
  public get httpTrigger(): Fcv3Trigger | undefined {
    return this.httpTriggerResource;
  }

  /** Public URL of the HTTP trigger, when `httpTrigger` is set. */
  public get url(): string | undefined {
    return this.httpTriggerResource?.httpTrigger.get(0).urlInternet;
  }

  /** The attachment: depend on it when a grant must exist before something is created. */
  public get policyDependency(): ITerraformDependable | undefined {
    return this.rolePolicyAttachment;
  }

  /**
   * @internal CanaryAlias's hook. On the legacy engine only (no `destroy = false`): forbids Terraform to delete the published
   * version while an alias's stable side is pinned (`prevent_destroy`); a release then needs a
   * `terraform state rm` (README, "Versions on FC3"). On current engines the version is forgotten
   * instead of deleted, and this does nothing.
   */
  public protectPublishedVersion(): void {
    if (!this.versionForgotten) this.functionVersion.addOverride('lifecycle.prevent_destroy', true);
  }

  /** Adds the HTTP trigger the `httpTrigger` prop asks for; the subclass calls it once `function` exists. */
  protected addHttpTrigger(option: boolean | HttpTriggerOptions | undefined): void {
    if (!option) return;
    const trigger: HttpTriggerOptions = option === true ? {} : option;
    this.httpTriggerResource = httpTrigger(this, 'HttpTrigger', 'httpTrigger.', this.function.functionName, trigger.qualifier ?? 'LATEST', 'http', trigger, {
      signed: HttpAuthType.FUNCTION,
      anonymous: HttpAuthType.ANONYMOUS,
    });
  }

  /** The settings every function shares. */
  protected commonFunctionConfig(props: FunctionCommonProps): Omit<Fcv3FunctionConfig, 'runtime' | 'handler'> {
    return {
      functionName: this.name,
      description: props.description,
      role: this.roleArn,
      memorySize: props.memorySize ?? DEFAULT_MEMORY,
      timeout: this.timeoutSeconds,
      cpu: props.cpu,
      diskSize: props.diskSize ?? 512,
      instanceConcurrency: props.instanceConcurrency,
      environmentVariables: props.environment && Object.keys(props.environment).length > 0 ? props.environment : undefined,
      // FC connects the function with its service-linked role AliyunServiceRoleForFC (FC's
      // "Service-linked role" page lists VPC access), not the function's role: no grant here.
      vpcConfig: props.vpc ? { vpcId: props.vpc.vpcId, vswitchIds: props.vpc.subnetIds, securityGroupId: props.vpc.securityGroupIds[0] } : undefined,
      logConfig: props.logConfig
        ? { project: props.logConfig.project, logstore: props.logConfig.logstore, enableRequestMetrics: true, logBeginRule: 'DefaultRegex' }
        : undefined,
      // With logging, FC checks at creation that the role may write to the logstore.
      dependsOn: props.logConfig ? [this.rolePolicyAttachment!] : undefined,
    };
  }

  /**
   * Publishes a version whenever the code or configuration changes. The fingerprint is in the
   * description, which the provider treats as ForceNew: it is computed at synth from the function's
   * rendered configuration (every argument, so a prop added later publishes too) plus the content
   * hashes of what references stand for (code, local layers). create_before_destroy publishes the
   * new version first; `destroy = false` then forgets the old one, which stays in FC for the
   * alias's stable side and for roll-backs.
   */
  protected publishVersion(contentHashes: { readonly [what: string]: string | undefined }): Fcv3FunctionVersion {
    const fn = this.function;
    const version = new Fcv3FunctionVersion(this, 'Version', {
      functionName: fn.functionName,
      description: Lazy.stringValue({ produce: () => `config ${fingerprint({ config: renderedConfig(fn), content: contentHashes })}` }),
      dependsOn: [fn],
      lifecycle: { createBeforeDestroy: true },
    });
    this.versionForgotten = forgetInsteadOfDestroy(version);
    return version;
  }
}

/**
 * The function's arguments as they will be synthesized, without meta-arguments and without tags:
 * FC versions freeze code and configuration, not the function's tags.
 */
function renderedConfig(fn: Fcv3Function): unknown {
  const rendered = fn.toTerraform() as { resource: { [type: string]: { [name: string]: { [k: string]: unknown } } } };
  const body = Object.values(Object.values(rendered.resource)[0])[0];
  const { depends_on: _d, lifecycle: _l, provider: _p, tags: _t, ...config } = body;
  return config;
}
