import { Fn, Op, Precondition, Token } from 'cdktf';
import { IConstruct } from 'constructs';

import { checkRange, fail, isToken } from './validation';
import { TaggableProps } from './tags';

/** The traffic split of an alias, in the same words on both clouds. */
export interface CanaryAliasPropsBase extends TaggableProps {
  /** Alias name. @default "live" */
  readonly aliasName?: string;
  /**
   * Version that takes `1 - canaryWeight` of the traffic. Leave out on a first deploy, when no
   * version exists yet: the alias then follows the latest published version with no canary.
   * @default the function's latest published version, no canary
   */
  readonly stableVersion?: string;
  /** Version that takes `canaryWeight` of the traffic. @default the function's latest published version */
  readonly canaryVersion?: string;
  /** Fraction of the traffic sent to the canary version, 0..1. @default 0 */
  readonly canaryWeight?: number;
  /** Description of the alias. @default none */
  readonly description?: string;
}

/** What the alias resource gets, whatever the cloud. */
export interface ResolvedRouting {
  /** The version the alias points at. */
  readonly stableVersion: string;
  /**
   * The extra version and its weight: a plain map when both versions are literals, a Terraform
   * expression that drops the entry when the two are equal at apply, or undefined for no canary.
   */
  readonly additionalWeights?: { [version: string]: number };
  /** The canary version, when there is a split. */
  readonly canaryVersion?: string;
  /**
   * Set when a version is known only at apply: the split exists only if the canary then differs
   * from the stable version (after a promotion they are equal). `when` is that condition.
   */
  readonly conditional?: { readonly when: unknown; readonly canaryVersion: string; readonly weight: number };
  /**
   * Checks Terraform makes at plan time for values only known then (a weight or version given as a
   * variable): the same rules and messages as the synth-time checks.
   */
  readonly preconditions: Precondition[];
}

/** The synth-time rules, as Terraform preconditions, for the inputs that are tokens. */
function tokenPreconditions(scope: IConstruct, props: CanaryAliasPropsBase): Precondition[] {
  const out: Precondition[] = [];
  const path = scope.node.path;
  if (props.canaryWeight !== undefined && isToken(props.canaryWeight)) {
    out.push({
      // |w - 0.5| <= 0.5 is 0 <= w <= 1 (cdktf renders a literal 0 operand as "undefined").
      condition: Op.lte(Fn.abs(Op.sub(props.canaryWeight, 0.5)), 0.5),
      errorMessage: `[${path}] canaryWeight must be a number between 0 and 1`,
    });
  }
  for (const [prop, value] of [
    ['stableVersion', props.stableVersion],
    ['canaryVersion', props.canaryVersion],
  ] as const) {
    if (value !== undefined && isToken(value)) {
      out.push({ condition: Fn.can(Fn.regex('^[1-9][0-9]*$', value)), errorMessage: `[${path}] ${prop} must be ${VERSION_NUMBER}` });
    }
  }
  return out;
}

/**
 * Validates the split and renders it. An alias may carry one extra version, never `$LATEST`, never
 * the same version twice, weight in [0, 1]. When either version is known only at apply (the
 * function's latest version), the "same version" rule is written as a Terraform conditional: after
 * a promotion the canary (latest) equals the stable version, and the alias must then carry no
 * routing entry rather than fail.
 */
export function resolveRouting(scope: IConstruct, props: CanaryAliasPropsBase, latestVersion: string | undefined): ResolvedRouting {
  checkVersionNumber(scope, 'stableVersion', props.stableVersion);
  checkVersionNumber(scope, 'canaryVersion', props.canaryVersion);
  checkWeight(scope, 'canaryWeight', props.canaryWeight);
  const weight = props.canaryWeight ?? 0;
  const preconditions = tokenPreconditions(scope, props);

  if (props.stableVersion === undefined) {
    if (props.canaryVersion !== undefined || (!isToken(weight) && weight > 0)) {
      fail(scope, 'stableVersion', 'set when canaryVersion or a canaryWeight above 0 is given (the alias needs a version to split from)', props.stableVersion);
    }
    if (latestVersion === undefined) fail(scope, 'stableVersion', 'set for a function that does not publish versions here', props.stableVersion);
    return { stableVersion: latestVersion, preconditions };
  }
  const stable = props.stableVersion;
  const canary = props.canaryVersion ?? latestVersion;
  if (canary === undefined) {
    if (!isToken(weight) && weight > 0) fail(scope, 'canaryVersion', 'set for a function that does not publish versions here', undefined);
    return { stableVersion: stable, preconditions };
  }
  if (!isToken(weight) && weight === 0) return { stableVersion: stable, preconditions };
  if (!isToken(canary) && !isToken(stable)) {
    if (canary === stable) fail(scope, 'canaryVersion', `a version other than stableVersion "${stable}" when canaryWeight is above 0`, canary);
    return { stableVersion: stable, canaryVersion: canary, additionalWeights: { [canary]: weight }, preconditions };
  }
  const weights = Token.asNumberMap(Fn.conditional(Op.eq(canary, stable), {}, Fn.zipmap([canary], [weight])));
  return {
    stableVersion: stable,
    canaryVersion: canary,
    additionalWeights: weights,
    preconditions,
    conditional: { when: Op.neq(canary, stable), canaryVersion: canary, weight },
  };
}

/** A canary weight: the fraction of traffic sent to the canary version. */
export function checkWeight(scope: IConstruct, prop: string, weight: number | undefined): void {
  checkRange(scope, prop, weight, 0, 1, { integer: false });
}

/** What a version prop must be, in messages. */
export const VERSION_NUMBER = 'a published version number such as "1" (not $LATEST)';

/** A published version number, e.g. "3" (not `$LATEST`, not empty, not "v1"). */
export function checkVersionNumber(scope: IConstruct, prop: string, version: string | undefined): void {
  if (version === undefined || isToken(version)) return;
  if (typeof version !== 'string' || !/^[1-9][0-9]*$/.test(version)) {
    fail(scope, prop, VERSION_NUMBER, version);
  }
}
