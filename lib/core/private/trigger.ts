import { TerraformProvider } from 'cdktf';
import { IConstruct } from 'constructs';
import { checkAliasOf } from '../async';
import { tagConstruct } from '../tags';
import { useProvider } from './provider';

/** What every construct attached to a function (or one of its aliases) takes. */
export interface AttachedProps {
  readonly tags?: { [key: string]: string };
  readonly provider?: TerraformProvider;
  readonly function: { readonly functionName: string; readonly provider?: TerraformProvider };
  readonly qualifier?: { readonly function: unknown; readonly aliasName: string };
}

/**
 * The start of every construct attached to a function: its tags, its provider (the function's
 * unless given) and, when an alias is given, that it is one of the function's.
 */
export function attachToFunction(scope: IConstruct, props: AttachedProps): void {
  tagConstruct(scope, props.tags);
  useProvider(scope, props.provider ?? props.function.provider);
  checkAliasOf(scope, props.function, props.qualifier);
}
