import { Fn, Op } from 'cdktf';
import { Construct } from 'constructs';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { LambdaAlias } from '@cdktf/provider-aws/lib/lambda-alias';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { LambdaProvisionedConcurrencyConfig } from '@cdktf/provider-aws/lib/lambda-provisioned-concurrency-config';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CanaryAliasPropsBase, resolveRouting } from '../core/canary';
import { ICanaryAliasContract } from '../core/contracts';
import { useProvider } from '../core/private/provider';
import { tagConstruct } from '../core/tags';
import { GrantInvokeOptions } from '../core/function';
import { checkPattern, checkRange, fail, isToken } from '../core/validation';
import { warn } from '../core/warnings';
import { IFunction } from './function';
import { LayeredFunction } from './layered-function';
import type { AlarmOptions } from './alarm';
import { metricAlarm } from './private/alarm';
import { grantInvoke } from './private/invoke';
import { AWS_ALIAS_NAME, AWS_LIMITS } from './limits';

/** The first provider release this library knows to wait for an alias's transient weights (see CanaryAlias.warnTransientWeights). */
const WAITS_FOR_ALIAS_WEIGHTS = '6.66.0';

/** Whether a version "a.b.c" is below another (numeric parts, pre-release suffixes ignored). */
function versionBelow(version: string, floor: string): boolean {
  const a = version.split('-')[0].split('.').map(Number);
  const b = floor.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== b[i]) return (a[i] ?? 0) < b[i];
  return false;
}

/** An alarm on the canary version's errors (threshold: errors per period): when it fires, roll back. */
export interface CanaryAlarmOptions extends AlarmOptions {}

export interface CanaryAliasProps extends CanaryAliasPropsBase {
  /** Provider (region, account) of every resource the construct makes. @default the function's provider */
  readonly provider?: AwsProvider;
  /** The function whose versions the alias splits traffic between. */
  readonly function: IFunction;
  /** Add a CloudWatch alarm on the canary version's errors. @default no alarm */
  readonly alarm?: CanaryAlarmOptions;
  /**
   * Execution environments Lambda keeps initialized for the alias (`aws_lambda_provisioned_concurrency_config`),
   * at least 1. Lambda refuses it on an alias with weights, so it needs `canaryWeight` 0: release by
   * repointing `stableVersion`. @default none
   */
  readonly provisionedConcurrency?: number;
}

/**
 * A Lambda alias (default `live`) that points at a stable version and sends `canaryWeight` of the
 * traffic to a canary version (by default the latest one the function published). Release by
 * changing props: start at 0.05, raise, promote (stableVersion := canary, weight 0), or roll back
 * (weight 0). Point triggers, async configs and queues at it through `aliasName` / `arn`.
 */
export class CanaryAlias extends Construct implements ICanaryAliasContract<'aws', IFunction> {
  public readonly cloud = 'aws' as const;
  public readonly alias: LambdaAlias;
  public readonly alarm?: CloudwatchMetricAlarm;
  /** The provisioned concurrency of the alias, when `provisionedConcurrency` is set. */
  public readonly provisionedConcurrencyConfig?: LambdaProvisionedConcurrencyConfig;
  public readonly aliasName: string;
  public readonly function: IFunction;

  constructor(scope: Construct, id: string, props: CanaryAliasProps) {
    super(scope, id);
    tagConstruct(this, props.tags);
    useProvider(this, props.provider ?? props.function.provider);
    this.aliasName = props.aliasName ?? 'live';
    // Lambda: 1-128 of [A-Za-z0-9_-], and not only digits (that would read as a version).
    checkPattern(this, 'aliasName', this.aliasName, AWS_ALIAS_NAME, 'letters, digits, "-" and "_", not only digits', { maxLength: AWS_LIMITS.aliasNameMax });
    this.function = props.function;
    const routing = resolveRouting(this, props, props.function.version);

    this.alias = new LambdaAlias(this, 'Default', {
      name: this.aliasName,
      functionName: props.function.functionName,
      functionVersion: routing.stableVersion,
      description: props.description,
      routingConfig: routing.additionalWeights && !routing.conditional ? { additionalVersionWeights: routing.additionalWeights } : undefined,
      lifecycle: routing.preconditions.length > 0 ? { precondition: routing.preconditions } : undefined,
    });

    if (routing.conditional) {
      // Lambda's GetAlias omits RoutingConfig when it has no weights (alias.go flattens nil to no
      // block), so an empty routing_config block would show as a change on every plan: the block
      // exists only while the canary differs from the stable version.
      const { when, canaryVersion, weight } = routing.conditional;
      this.alias.addOverride('dynamic.routing_config', {
        for_each: Fn.conditional(when, [1], []),
        content: { additional_version_weights: Fn.zipmap([canaryVersion], [weight]) },
      });
    }

    if (props.provisionedConcurrency !== undefined) {
      this.provisionedConcurrencyConfig = this.provision(props);
    }

    if (props.alarm) {
      this.alarm = metricAlarm(
        this,
        'CanaryErrors',
        'alarm',
        `${props.function.functionName}-${this.aliasName}-canary-errors`,
        `Errors of the canary version behind alias ${this.aliasName} (${this.node.path}): roll back by setting canaryWeight to 0`,
        {
          namespace: 'AWS/Lambda',
          metricName: 'Errors',
          dimensions: {
            FunctionName: props.function.functionName,
            Resource: `${props.function.functionName}:${this.alias.name}`,
            ExecutedVersion: routing.canaryVersion ?? routing.stableVersion,
          },
          statistic: 'Sum',
        },
        props.alarm,
      );
    }
  }

  /**
   * Lambda answers PutProvisionedConcurrencyConfig on an alias with weights with "Alias with weights
   * can not be used with Provisioned Concurrency" (InvalidParameterValueException, seen in
   * hashicorp/terraform issue 24957), and SnapStart does not support provisioned concurrency (Lambda
   * developer guide, SnapStart limitations): both are refused here.
   */
  private provision(props: CanaryAliasProps): LambdaProvisionedConcurrencyConfig {
    const executions = props.provisionedConcurrency!;
    checkRange(this, 'provisionedConcurrency', executions, 1, Infinity);
    const weight = props.canaryWeight ?? 0;
    if (!isToken(weight) && weight > 0) {
      fail(
        this,
        'provisionedConcurrency',
        `left out while canaryWeight is ${weight} (Lambda refuses provisioned concurrency on an alias with weights: release by repointing stableVersion with canaryWeight 0)`,
        executions,
      );
    }
    if (props.function instanceof LayeredFunction && props.function.snapStartEnabled) {
      fail(this, 'provisionedConcurrency', 'left out for a function with snapStart (SnapStart does not support provisioned concurrency)', executions);
    }
    this.warnTransientWeights();
    return new LambdaProvisionedConcurrencyConfig(this, 'ProvisionedConcurrency', {
      functionName: props.function.functionName,
      // The alias's name as a reference: the configuration waits for the alias.
      qualifier: this.alias.name,
      provisionedConcurrentExecutions: executions,
      // Compared as text: cdktf renders a literal 0 operand as "undefined".
      lifecycle: isToken(weight)
        ? {
            precondition: [
              {
                condition: Op.eq(Fn.tostring(weight), '0'),
                errorMessage: `[${this.node.path}] provisionedConcurrency needs canaryWeight 0 (Lambda refuses provisioned concurrency on an alias with weights)`,
              },
            ],
          }
        : undefined,
    });
  }

  /**
   * When an alias with provisioned concurrency moves to another version (a promotion or a roll back:
   * repointing `stableVersion`), Lambda routes through transient weights until the new version's
   * environments are ready. hashicorp/terraform-provider-aws PR 48116 (merged 2026-05-29;
   * .changelog/48116.txt: "resource/aws_lambda_alias: Fix plan drift caused by transient routing
   * weights appearing in state after updating `function_version`", and the provisioned concurrency
   * update's "Alias with weights can not be used with Provisioned Concurrency") added
   * waitAliasRoutingWeightsCleared to the alias's update (internal/service/lambda/alias.go). Releases
   * before it record the transient weights, so a plan right after the release shows a change, and
   * changing provisionedConcurrency in the same apply can fail. hashicorp/aws 6.25.0 (the cdktf
   * flavour's binding, generated before December 2025) predates it; 6.66.0 (the cdktn flavour's)
   * is 20 weekly releases after 6.46.0 (released 2026-05-13) and has it. The binding's provider
   * version is read from the alias resource the binding made.
   */
  private warnTransientWeights(): void {
    const version = this.alias.terraformGeneratorMetadata?.providerVersion;
    if (version === undefined || !versionBelow(version, WAITS_FOR_ALIAS_WEIGHTS)) return;
    warn(
      this,
      `provisionedConcurrency: hashicorp/aws ${version} does not wait for the transient weights Lambda puts on an alias with provisioned concurrency while it moves to another version (hashicorp/terraform-provider-aws PR 48116, in ${WAITS_FOR_ALIAS_WEIGHTS}): after repointing stableVersion, wait until the alias has no routing before the next plan (a plan that only drops routing_config from this alias is that transition), and change provisionedConcurrency in an apply of its own; or use the cdktn flavour (hashicorp/aws ${WAITS_FOR_ALIAS_WEIGHTS})`,
    );
  }

  /**
   * Lets another function (its role gets `lambda:InvokeFunction` on the alias's ARN) or a principal
   * (an `aws_lambda_permission` with the alias as qualifier) invoke the function through this alias.
   */
  public grantInvoke(grantee: IFunction | string, options?: GrantInvokeOptions): LambdaPermission | undefined {
    return grantInvoke(this, { functionName: this.function.functionName, qualifier: this.alias.name, arns: [this.alias.arn] }, grantee, options);
  }

  /** Alias name, as a reference (qualifiers that use it wait for the alias). */
  public get qualifier(): string {
    return this.alias.name;
  }

  /** Qualified ARN of the alias: invoke this. */
  public get arn(): string {
    return this.alias.arn;
  }

  /** ARN for API Gateway integrations. */
  public get invokeArn(): string {
    return this.alias.invokeArn;
  }
}
