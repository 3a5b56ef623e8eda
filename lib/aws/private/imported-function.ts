import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { FunctionAttributes, GrantInvokeOptions } from '../../core/function';
import { checkPattern, checkRange, fail } from '../../core/validation';
import type { IFunction } from '../function';
import { PolicyStatement, PolicyStatements } from '../policy';
import { AWS_LIMITS } from '../limits';
import { grantInvoke } from './invoke';

// arn:<partition>:lambda:<region>:<account>:function:<name>, unqualified.
const FUNCTION_ARN = /^arn:aws(-cn|-us-gov|-iso|-iso-b)?:lambda:[a-z]{2}(-[a-z]+)+-\d:\d{12}:function:([A-Za-z0-9_-]{1,64})$/;

/**
 * A function that exists already (made elsewhere), so CanaryAlias and AsyncWithDeadLetter can work
 * with it; made by `FunctionBase.fromFunctionAttributes`. Grants need its role name; without one,
 * constructs that must grant fail clearly.
 */
export class ImportedFunction extends Construct implements IFunction {
  public readonly cloud = 'aws' as const;
  public readonly functionName: string;
  public readonly arn: string;
  public readonly version?: string;
  public readonly timeoutSeconds: number;
  private rolePolicy?: IamRolePolicy;
  private readonly statements = new PolicyStatements(this);
  private readonly roleName?: string;

  constructor(scope: Construct, id: string, attrs: FunctionAttributes) {
    super(scope, id);
    checkPattern(this, 'functionArn', attrs.functionArn, FUNCTION_ARN, 'an unqualified Lambda function ARN: arn:aws:lambda:<region>:<account>:function:<name>');
    checkRange(this, 'timeout', attrs.timeout, AWS_LIMITS.timeoutMin, AWS_LIMITS.timeoutMax, { unit: 's' });
    this.arn = attrs.functionArn;
    this.functionName = attrs.functionArn.split(':')[6];
    this.version = attrs.version;
    this.timeoutSeconds = attrs.timeout ?? 3;
    this.roleName = attrs.roleName;
  }

  public addToRolePolicy(statement: PolicyStatement): void {
    if (!this.roleName) {
      fail(this, 'roleName', `given so that ${statement.sid} (${statement.actions.join(', ')}) can be granted to the function's role`, undefined);
    }
    this.statements.add(statement);
    this.rolePolicy ??= new IamRolePolicy(this, 'RolePolicy', {
      role: this.roleName,
      name: `cdktf-serverless-${this.node.addr.slice(0, 12)}`,
      policy: this.statements.render(),
    });
  }

  public get policyDependency(): ITerraformDependable | undefined {
    return this.rolePolicy;
  }

  public grantInvoke(grantee: IFunction | string, options?: GrantInvokeOptions): LambdaPermission | undefined {
    return grantInvoke(this, { functionName: this.functionName, arns: [this.arn, `${this.arn}:*`] }, grantee, options);
  }
}
