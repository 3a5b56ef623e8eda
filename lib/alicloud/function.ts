import { IFunctionContract } from '../core/contracts';
import type { RamStatement } from './policy';
import { AlicloudProvider } from '../generated/alicloud/provider';

/** An FC3 function the other constructs can work with (its ARN is `acs:fc:<region>:<account>:functions/<name>`). */
export interface IFunction extends IFunctionContract<'alicloud', RamStatement> {
  /** The region and account the function's resources live in (FC3 only: RAM ARNs name them). */
  readonly location: FcLocation;
  /** The provider of the function's resources, when not the stack's default. */
  readonly provider?: AlicloudProvider;
}

/** Where ARNs point: region and account, each a literal or a Terraform expression. */
export interface FcLocation {
  readonly region: string;
  readonly account: string;
}
