import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { FunctionAttributes, GrantInvokeOptions } from '../../core/function';
import { checkPattern, checkRange, fail } from '../../core/validation';
import type { FcLocation, IFunction } from '../function';
import type { RamStatement } from '../policy';
import { FC_LIMITS } from '../limits';
import { grantInvoke } from './invoke';
import { RamGrants } from '../policy';

// acs:fc:<region>:<account>:functions/<name>
const FUNCTION_ARN = /^acs:fc:([a-z0-9-]+):(\d+):functions\/([A-Za-z_][A-Za-z0-9_-]{0,63})$/;

/**
 * An FC3 function that exists already, made by `FunctionBase.fromFunctionAttributes`. Its ARN gives
 * the name, region and account RAM policies need; grants go to a custom policy attached to
 * `roleName`, and without one, constructs that must grant fail clearly.
 */
export class ImportedFunction extends Construct implements IFunction {
  public readonly cloud = 'alicloud' as const;
  public readonly functionName: string;
  public readonly arn: string;
  public readonly version?: string;
  public readonly timeoutSeconds: number;
  public readonly location: FcLocation;
  private readonly roleName?: string;
  private readonly grants = new RamGrants(this, `Grants of ${this.node.path} on an existing function's role`);

  constructor(scope: Construct, id: string, attrs: FunctionAttributes) {
    super(scope, id);
    checkPattern(this, 'functionArn', attrs.functionArn, FUNCTION_ARN, 'an FC3 function ARN: acs:fc:<region>:<account>:functions/<name>');
    checkRange(this, 'timeout', attrs.timeout, 1, FC_LIMITS.timeoutMax, { unit: 's' });
    const [, region, account, name] = FUNCTION_ARN.exec(attrs.functionArn)!;
    this.arn = attrs.functionArn;
    this.functionName = name;
    this.location = { region, account };
    this.version = attrs.version;
    this.timeoutSeconds = attrs.timeout ?? 3;
    this.roleName = attrs.roleName;
  }

  public addToRolePolicy(statement: RamStatement): void {
    if (!this.roleName) {
      fail(this, 'roleName', `given so that ${statement.actions.join(', ')} can be granted to the function's role`, undefined);
    }
    this.grants.add(statement, this.roleName);
  }

  public get policyDependency(): ITerraformDependable | undefined {
    return this.grants.attachment;
  }

  public grantInvoke(grantee: IFunction | string, options?: GrantInvokeOptions): void {
    grantInvoke(this, { functionName: this.functionName, location: this.location }, grantee, options);
  }
}
