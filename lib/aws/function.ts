import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { IFunctionContract } from '../core/contracts';
import { PolicyStatement } from './policy';

/** A Lambda function the other constructs can work with: one of ours or an existing one. */
export interface IFunction extends IFunctionContract<'aws', PolicyStatement> {
  /** The provider of the function's resources, when not the stack's default. */
  readonly provider?: AwsProvider;
}
