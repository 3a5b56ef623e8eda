import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { checkRange, fail } from '../core/validation';
import { IFunction } from './function-base';
import { PolicyStatement, PolicyStatements } from './policy';
import { AWS_LIMITS, checkFunctionName } from './limits';

export interface ImportedFunctionProps {
  /** Function name. */
  readonly functionName: string;
  /** Unqualified function ARN. */
  readonly arn: string;
  /** A published version number, if the alias should default its canary to it. @default none */
  readonly version?: string;
  /** Timeout in seconds, for sizing a queue in front. @default 3 */
  readonly timeout?: number;
  /** Name of the execution role; when given, grants land in an inline policy on it. @default grants are not possible */
  readonly roleName?: string;
}

/**
 * A function that exists already (made elsewhere), so CanaryAlias and AsyncWithDeadLetter can
 * work with it. Grants need its role name; without one, constructs that must grant fail clearly.
 */
export class ImportedFunction extends Construct implements IFunction {
  public readonly cloud = 'aws' as const;
  public readonly functionName: string;
  public readonly arn: string;
  public readonly version?: string;
  public readonly timeoutSeconds: number;
  /** The inline policy holding grants, once one is made. */
  public rolePolicy?: IamRolePolicy;
  private readonly statements = new PolicyStatements(this);
  private readonly roleName?: string;

  constructor(scope: Construct, id: string, props: ImportedFunctionProps) {
    super(scope, id);
    checkFunctionName(this, props.functionName);
    checkRange(this, 'timeout', props.timeout, AWS_LIMITS.timeoutMin, AWS_LIMITS.timeoutMax, { unit: 's' });
    this.functionName = props.functionName;
    this.arn = props.arn;
    this.version = props.version;
    this.timeoutSeconds = props.timeout ?? 3;
    this.roleName = props.roleName;
  }

  public addToRolePolicy(statement: PolicyStatement): void {
    if (!this.roleName) {
      fail(this, 'roleName', `given so that ${statement.sid} (${statement.actions.join(', ')}) can be granted to the function's role`, undefined);
    }
    this.statements.add(statement);
    if (!this.rolePolicy) {
      this.rolePolicy = new IamRolePolicy(this, 'RolePolicy', {
        role: this.roleName,
        name: `cdktf-serverless-${this.node.addr.slice(0, 12)}`,
        policy: this.statements.render(),
      });
    }
  }

  public get policyDependency(): ITerraformDependable | undefined {
    return this.rolePolicy;
  }
}
