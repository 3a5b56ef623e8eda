import { TaggableProps } from '../core/tags';
import type { CanaryAlias } from './canary-alias';
import { IFunction } from './function';
import { AlicloudProvider } from '../generated/alicloud/provider';

/** What a trigger invokes: a function, or one of its aliases so the canary split applies to what it sends. */
export interface TriggerTargetProps extends TaggableProps {
  /** The function the trigger invokes. */
  readonly function: IFunction;
  /** The alias whose split the trigger's invocations follow. @default the function (LATEST) */
  readonly qualifier?: CanaryAlias;
  /** Provider (region, account) of what the trigger makes. @default the function's provider */
  readonly provider?: AlicloudProvider;
}
