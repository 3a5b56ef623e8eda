import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsKmsAlias } from '@cdktf/provider-aws/lib/data-aws-kms-alias';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction, LambdaFunctionConfig } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaFunctionUrl } from '@cdktf/provider-aws/lib/lambda-function-url';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { checkDescription, checkEnvironment, checkVpc, FunctionAttributes, FunctionPropsBase, GrantInvokeOptions, VpcOptionsBase } from '../core/function';
import { uniqueName } from '../core/private/names';
import { useProvider } from '../core/private/provider';
import { tagConstruct, TaggableProps } from '../core/tags';
import { checkOneOf, checkPattern, checkRange, fail, isToken } from '../core/validation';
import {
  Architecture,
  AWS_ENVIRONMENT_KEY,
  AWS_LIMITS,
  AWS_RESERVED_ENVIRONMENT,
  checkArchitecture,
  checkFunctionName,
  checkMemoryAndTimeout,
  LOG_RETENTION_DAYS,
} from './limits';
import { IFunction } from './function';
import { HttpAuthType, HttpTriggerOptions } from './http-trigger-options';
import { PolicyStatement, PolicyStatements } from './policy';
import { functionUrl } from './private/function-url';
import { ImportedFunction } from './private/imported-function';
import { grantInvoke } from './private/invoke';

/** Props every function of this library takes on AWS. */
export interface FunctionCommonProps extends FunctionPropsBase, TaggableProps {
  /** Provider (region, account) of every resource the construct makes, for several regions or accounts in one stack. @default the stack's default provider */
  readonly provider?: AwsProvider;
  /** Instruction set. @default Architecture.X86_64 */
  readonly architecture?: Architecture;
  /** Reserved concurrent executions (0 stops the function). @default unreserved */
  readonly reservedConcurrency?: number;
  /** Days the function's log group keeps logs. @default 30 */
  readonly logRetentionDays?: number;
  /** Log format: structured JSON (with log levels) or plain text. @default LogFormat.TEXT */
  readonly logFormat?: LogFormat;
  /** Lowest level of the function's own logs Lambda keeps; JSON format only. @default Lambda's default (INFO) */
  readonly applicationLogLevel?: ApplicationLogLevel;
  /** Lowest level of Lambda's platform logs kept; JSON format only. @default Lambda's default (INFO) */
  readonly systemLogLevel?: SystemLogLevel;
  /** Subnets and security groups for reaching private resources; the role gets the network-interface permissions. @default not in a VPC */
  readonly vpc?: VpcOptions;
  /** X-Ray tracing; the role gets `xray:PutTraceSegments` and `xray:PutTelemetryRecords`. @default no tracing */
  readonly tracing?: Tracing;
  /**
   * ARN of the customer managed KMS key that encrypts the environment variables at rest: a key ARN
   * (`…:key/<id>`, multi-Region `…:key/mrk-…` included) or an alias ARN (`…:alias/<name>`, of the
   * function's account and region), which is resolved to its key at plan through `data.aws_kms_alias`.
   * @default the AWS managed key aws/lambda
   */
  readonly environmentEncryption?: string;
  /** Adds a function URL: `true` for the defaults (IAM auth). @default no URL */
  readonly httpTrigger?: boolean | HttpTriggerOptions;
}

/** Where a Lambda function's network interfaces go (Lambda's `VpcConfig`). */
export interface VpcOptions extends VpcOptionsBase {
  /** Allow IPv6 traffic in dual-stack subnets. @default false */
  readonly ipv6AllowedForDualStack?: boolean;
}

/** X-Ray tracing mode (Lambda's `TracingConfig.Mode`). */
export enum Tracing {
  /** Lambda samples requests and sends traces. */
  ACTIVE = 'Active',
  /** Lambda traces only requests that arrive with a sampled trace header. */
  PASS_THROUGH = 'PassThrough',
}

/**
 * What Lambda needs to manage a VPC function's network interfaces: the actions of the managed
 * policy AWSLambdaVPCAccessExecutionRole (v3) other than logs, all authorized against "*" only.
 */
const VPC_ACTIONS = [
  'ec2:CreateNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSubnets',
  'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
];
/** What a traced function needs to send segments (Lambda developer guide, "Tracing with X-Ray"). */
const TRACING_ACTIONS = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'];

/** How the function's logs are written (Lambda's `LoggingConfig.LogFormat`). */
export enum LogFormat {
  TEXT = 'Text',
  JSON = 'JSON',
}

/** Levels of the function's own logs (Lambda's `ApplicationLogLevel`). */
export enum ApplicationLogLevel {
  TRACE = 'TRACE',
  DEBUG = 'DEBUG',
  INFO = 'INFO',
  WARN = 'WARN',
  ERROR = 'ERROR',
  FATAL = 'FATAL',
}

/** Levels of Lambda's platform logs (Lambda's `SystemLogLevel`). */
export enum SystemLogLevel {
  DEBUG = 'DEBUG',
  INFO = 'INFO',
  WARN = 'WARN',
}

const DEFAULT_TIMEOUT = 3;

/** A KMS key ARN: key ID a UUID or, for a multi-Region key, "mrk-" and 32 hex digits (internal/service/kms/validate.go, keyIDRegex). */
const KMS_KEY_ARN = /^arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:\d{12}:key\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;
/** A KMS alias ARN (alias names: "alias/" and [0-9A-Za-z_/-], internal/service/kms/validate.go, aliasNameRegex). */
const KMS_ALIAS_ARN = /^arn:aws(-cn|-us-gov)?:kms:([a-z0-9-]+):(\d{12}):(alias\/[0-9A-Za-z_/-]+)$/;

/**
 * What every function of the library has: an execution role that may only write to the function's
 * own log group (retention set), one inline policy that other constructs add least-privilege
 * statements to, and the `aws_lambda_function` with `publish = true`.
 */
export abstract class FunctionBase extends Construct implements IFunction {
  /**
   * A function made elsewhere, by ARN, for CanaryAlias and AsyncWithDeadLetter. Give `roleName` so
   * that they can grant what they need on its execution role.
   */
  public static fromFunctionAttributes(scope: Construct, id: string, attrs: FunctionAttributes): IFunction {
    return new ImportedFunction(scope, id, attrs);
  }

  public readonly cloud = 'aws' as const;
  /** The provider of the function's resources (undefined: the stack's default). */
  public readonly provider?: AwsProvider;
  public readonly role: IamRole;
  public readonly rolePolicy: IamRolePolicy;
  public readonly logGroup: CloudwatchLogGroup;
  public abstract readonly function: LambdaFunction;
  public readonly timeoutSeconds: number;
  /** The literal name, for what must be known at synth (log group name, validation). */
  private readonly name: string;
  private readonly statements = new PolicyStatements(this);
  private functionUrlParts?: {
    readonly url: LambdaFunctionUrl;
    readonly publicPermission?: LambdaPermission;
    readonly publicInvokePermission?: LambdaPermission;
  };
  /** The key ARN `kms_key_arn` gets: the given key ARN, or the target of the given alias. */
  private readonly environmentKeyArn?: string;

  protected constructor(scope: Construct, id: string, props: FunctionCommonProps) {
    super(scope, id);
    tagConstruct(this, props.tags);
    useProvider(this, props.provider);
    this.provider = props.provider;
    this.name = props.functionName ?? uniqueName(this, 64);
    checkFunctionName(this, this.name);
    checkMemoryAndTimeout(this, props.memorySize, props.timeout);
    checkArchitecture(this, 'architecture', props.architecture);
    checkEnvironment(this, props.environment, AWS_RESERVED_ENVIRONMENT, [], {
      keyPattern: AWS_ENVIRONMENT_KEY,
      keyWords: 'a letter, then at least one letter, digit or "_"',
      maxBytes: { bytes: AWS_LIMITS.environmentBytesMax, source: 'Lambda quotas: 4 KB' },
    });
    checkRange(this, 'reservedConcurrency', props.reservedConcurrency, 0, 100000);
    checkOneOf<number>(this, 'logRetentionDays', props.logRetentionDays, LOG_RETENTION_DAYS);
    // Smithy lambda EphemeralStorageSize.
    checkRange(this, 'diskSize', props.diskSize, AWS_LIMITS.ephemeralStorageMin, AWS_LIMITS.ephemeralStorageMax, { unit: 'MB' });
    checkOneOf(this, 'logFormat', props.logFormat, Object.values(LogFormat));
    checkOneOf(this, 'applicationLogLevel', props.applicationLogLevel, Object.values(ApplicationLogLevel));
    checkOneOf(this, 'systemLogLevel', props.systemLogLevel, Object.values(SystemLogLevel));
    // Lambda filters levels of JSON logs only and refuses a level with the Text format ("LogLevel is not
    // supported when LogFormat is set to Text"; Lambda API reference, LoggingConfig, lists the values).
    for (const prop of ['applicationLogLevel', 'systemLogLevel'] as const) {
      if (props[prop] !== undefined && (props.logFormat ?? LogFormat.TEXT) !== LogFormat.JSON) {
        fail(this, prop, 'left out unless logFormat is LogFormat.JSON (Lambda filters levels of JSON logs only)', props[prop]);
      }
    }
    checkDescription(this, props.description);
    // Lambda API reference, VpcConfig: SubnetIds at most 16, SecurityGroupIds at most 5.
    checkVpc(this, props.vpc, {
      subnet: /^subnet-[0-9a-f]{8,17}$/,
      subnetForm: 'subnet-…',
      maxSubnets: AWS_LIMITS.subnetsMax,
      securityGroup: /^sg-[0-9a-f]{8,17}$/,
      securityGroupForm: 'sg-…',
      maxSecurityGroups: AWS_LIMITS.securityGroupsMax,
    });
    checkOneOf(this, 'tracing', props.tracing, Object.values(Tracing));
    checkPattern(
      this,
      'environmentEncryption',
      props.environmentEncryption,
      new RegExp(`^(${KMS_KEY_ARN.source.slice(1, -1)}|${KMS_ALIAS_ARN.source.slice(1, -1)})$`),
      'a KMS key ARN ("arn:aws:kms:<region>:<account>:key/<key id or mrk-…>") or alias ARN ("arn:aws:kms:<region>:<account>:alias/<name>")',
    );
    this.timeoutSeconds = props.timeout ?? DEFAULT_TIMEOUT;
    this.environmentKeyArn = this.resolveEnvironmentKey(props.environmentEncryption);

    this.logGroup = new CloudwatchLogGroup(this, 'LogGroup', {
      name: `/aws/lambda/${this.name}`,
      retentionInDays: props.logRetentionDays ?? 30,
    });
    this.role = new IamRole(this, 'Role', {
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
      description: `Execution role of ${this.node.path}`,
    });
    // Both actions are authorized against the log stream's ARN (<group arn>:log-stream:<name>), and
    // aws_cloudwatch_log_group.arn has no ":*" suffix (the provider trims it, logs/group.go):
    // granting on the bare group ARN would let the function write no logs at all.
    const logStreams = `${this.logGroup.arn}:log-stream:*`;
    this.addToRolePolicy({ sid: 'WriteLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logStreams] });
    // Lambda checks these when it creates a VPC function, so they are in the policy the function depends on.
    if (props.vpc) this.addToRolePolicy({ sid: 'ManageNetworkInterfaces', actions: VPC_ACTIONS, resources: ['*'] });
    if (props.tracing) this.addToRolePolicy({ sid: 'WriteTraces', actions: TRACING_ACTIONS, resources: ['*'] });
    this.rolePolicy = new IamRolePolicy(this, 'RolePolicy', {
      role: this.role.id,
      name: 'least-privilege',
      policy: this.statements.render(),
    });
  }

  /**
   * Function name, as a reference to the function: whatever names the function through it depends
   * on it, so Terraform never creates it before the function exists.
   */
  public get functionName(): string {
    return (this.nameReference ??= this.function.functionName);
  }

  private nameReference?: string;

  /** Unqualified function ARN. */
  public get arn(): string {
    return this.function.arn;
  }

  /** Latest published version number (the function has `publish = true`). */
  public get version(): string {
    return this.function.version;
  }

  /** ARN of the latest published version. */
  public get qualifiedArn(): string {
    return this.function.qualifiedArn;
  }

  /** Adds a statement to the execution role's inline policy. Resources must be concrete ARNs. */
  public addToRolePolicy(statement: PolicyStatement): void {
    this.statements.add(statement);
  }

  /**
   * Lets another function (its role gets `lambda:InvokeFunction` on this function and its versions
   * and aliases) or a principal (an `aws_lambda_permission` on the unqualified function) invoke
   * this function. To invoke through an alias, grant on the alias.
   */
  public grantInvoke(grantee: IFunction | string, options?: GrantInvokeOptions): LambdaPermission | undefined {
    return grantInvoke(this, { functionName: this.functionName, arns: [this.arn, `${this.arn}:*`] }, grantee, options);
  }

  /** The function URL, when `httpTrigger` is set. */
  public get httpTrigger(): LambdaFunctionUrl | undefined {
    return this.functionUrlParts?.url;
  }

  /** The public-invoke permission, when the URL's auth type is NONE. */
  public get publicUrlPermission(): LambdaPermission | undefined {
    return this.functionUrlParts?.publicPermission;
  }

  /** The permission to invoke through the URL only (`lambda:InvokeFunction` with `invoked_via_function_url`), when the URL's auth type is NONE. */
  public get publicInvokePermission(): LambdaPermission | undefined {
    return this.functionUrlParts?.publicInvokePermission;
  }

  /** The HTTPS URL, when `httpTrigger` is set. */
  public get url(): string | undefined {
    return this.functionUrlParts?.url.functionUrl;
  }

  /** The inline policy resource: depend on it when a grant must exist before something is created. */
  public get policyDependency(): ITerraformDependable {
    return this.rolePolicy;
  }

  /** Adds the function URL the `httpTrigger` prop asks for; the subclass calls it once `function` exists. */
  protected addHttpTrigger(option: boolean | HttpTriggerOptions | undefined): void {
    if (!option) return;
    const trigger: HttpTriggerOptions = option === true ? {} : option;
    this.functionUrlParts = functionUrl(this, 'httpTrigger.', this.function.functionName, trigger.qualifier, trigger, {
      iam: HttpAuthType.AWS_IAM,
      none: HttpAuthType.NONE,
    });
  }

  /**
   * Lambda sets up the environment key with KMS CreateGrant, which refuses aliases ("Key Aliases are
   * not supported for this operation", InvalidArnException; hashicorp/terraform issue 20813): an alias
   * ARN is resolved to its key with `data.aws_kms_alias` (internal/service/kms/alias_data_source.go:
   * `name` is "alias/…", looked up in the provider's account and region; `target_key_arn` from
   * DescribeKey). The postcondition refuses an alias of another account or region, which the data
   * source would otherwise resolve in the wrong place. Re-pointing the alias changes the function's
   * key at the next plan (and publishes a version).
   */
  private resolveEnvironmentKey(arn: string | undefined): string | undefined {
    if (arn === undefined || isToken(arn)) return arn;
    const alias = KMS_ALIAS_ARN.exec(arn);
    if (!alias) return arn;
    const data = new DataAwsKmsAlias(this, 'EnvironmentKeyAlias', {
      name: alias[4],
      lifecycle: {
        postcondition: [
          {
            condition: `\${self.arn == "${arn}"}`,
            errorMessage: `[${this.node.path}] environmentEncryption names alias ${arn}, but the provider resolves ${alias[4]} in its own account and region: give the alias of the function's account and region, or the key ARN`,
          },
        ],
      },
    });
    return data.targetKeyArn;
  }

  /** The settings every function shares, for the subclass's `aws_lambda_function`. */
  protected commonFunctionConfig(props: FunctionCommonProps, environment: { [key: string]: string } | undefined): LambdaFunctionConfig {
    return {
      functionName: this.name,
      role: this.role.arn,
      description: props.description,
      memorySize: props.memorySize,
      timeout: this.timeoutSeconds,
      architectures: [props.architecture ?? Architecture.X86_64],
      reservedConcurrentExecutions: props.reservedConcurrency,
      environment: environment && Object.keys(environment).length > 0 ? { variables: environment } : undefined,
      loggingConfig: {
        logFormat: props.logFormat ?? LogFormat.TEXT,
        logGroup: this.logGroup.name,
        applicationLogLevel: props.applicationLogLevel,
        systemLogLevel: props.systemLogLevel,
      },
      ephemeralStorage: props.diskSize !== undefined ? { size: props.diskSize } : undefined,
      vpcConfig: props.vpc
        ? { subnetIds: props.vpc.subnetIds, securityGroupIds: props.vpc.securityGroupIds, ipv6AllowedForDualStack: props.vpc.ipv6AllowedForDualStack }
        : undefined,
      tracingConfig: props.tracing ? { mode: props.tracing } : undefined,
      // Lambda decrypts with a KMS grant it creates for the role when the function is created or
      // updated, with the deployer's permissions; the role itself needs no KMS statement (AWS
      // knowledge center, "lambda-kmsaccessdeniedexception-errors").
      kmsKeyArn: this.environmentKeyArn,
      publish: true,
      // The role must be able to write logs before the first invocation.
      dependsOn: [this.logGroup, this.rolePolicy],
    };
  }
}
