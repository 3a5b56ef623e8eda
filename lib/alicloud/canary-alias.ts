import { Construct } from 'constructs';
import { CanaryAliasPropsBase, resolveRouting } from '../core/canary';
import { ICanaryAliasContract } from '../core/contracts';
import { useProvider } from '../core/private/provider';
import { tagConstruct } from '../core/tags';
import { GrantInvokeOptions } from '../core/function';
import { checkFcName } from './limits';
import { FunctionBase } from './function-base';
import { IFunction } from './function';
import { grantInvoke } from './private/invoke';
import { Fcv3Alias } from '../generated/alicloud/fcv3-alias';
import { AlicloudProvider } from '../generated/alicloud/provider';

export interface CanaryAliasProps extends CanaryAliasPropsBase {
  /** Provider (region, account) of every resource the construct makes. @default the function's provider */
  readonly provider?: AlicloudProvider;
  /** The function whose versions the alias splits traffic between. */
  readonly function: IFunction;
}

/**
 * An FC3 alias (default `live`) on a stable version that sends `canaryWeight` of the traffic to a
 * canary version (by default the one the library published last). Same release workflow as on AWS.
 */
export class CanaryAlias extends Construct implements ICanaryAliasContract<'alicloud', IFunction> {
  public readonly cloud = 'alicloud' as const;
  public readonly alias: Fcv3Alias;
  public readonly aliasName: string;
  public readonly function: IFunction;

  constructor(scope: Construct, id: string, props: CanaryAliasProps) {
    super(scope, id);
    tagConstruct(this, props.tags);
    useProvider(this, props.provider ?? props.function.provider);
    this.aliasName = props.aliasName ?? 'live';
    checkFcName(this, 'aliasName', this.aliasName, 128);
    this.function = props.function;
    const routing = resolveRouting(this, props, props.function.version);
    this.alias = new Fcv3Alias(this, 'Default', {
      functionName: props.function.functionName,
      aliasName: this.aliasName,
      versionId: routing.stableVersion,
      additionalVersionWeight: routing.additionalWeights,
      description: props.description,
      lifecycle: routing.preconditions.length > 0 ? { precondition: routing.preconditions } : undefined,
    });
    // A pinned stable side may be the version the library published; it must not be deleted.
    if (props.stableVersion !== undefined && props.function instanceof FunctionBase) props.function.protectPublishedVersion();
  }

  /**
   * Lets another function or a RAM role invoke the function through this alias. FC authorizes
   * `fc:InvokeFunction` on the function, whatever the qualifier, so this is the function's grant.
   */
  public grantInvoke(grantee: IFunction | string, options?: GrantInvokeOptions): void {
    grantInvoke(this, { functionName: this.function.functionName, location: this.function.location }, grantee, options);
  }

  /** Alias name, as a reference (qualifiers that use it wait for the alias). */
  public get qualifier(): string {
    return this.alias.aliasName;
  }
}
