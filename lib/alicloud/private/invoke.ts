import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { GrantInvokeOptions } from '../../core/function';
import { checkPattern, fail, isToken } from '../../core/validation';
import type { FcLocation, IFunction } from '../function';
import { RamGrants } from '../policy';

// acs:ram::<account>:role/<name>; the policy is attached to the role named as the ARN writes it.
const RAM_ROLE_ARN = /^acs:ram::(\d+):role\/([A-Za-z0-9.-]{1,64})$/;

/** What is invoked: the function's name and where it is. */
export interface InvokeTarget {
  readonly functionName: string;
  readonly location: FcLocation;
}

/**
 * grantInvoke on FC3 (FC 3.0 API reference, "RAM authorization" and InvokeFunction), where invoking
 * is authorized against the caller's RAM identity only (FC3 has
 * no resource-based permission, and `fc:InvokeFunction` names the function, not a qualifier:
 * `acs:fc:<region>:<account>:functions/<name>`). Another function: its role gets the statement. A
 * RAM role ARN: a custom policy with the statement is attached to that role.
 */
export function grantInvoke(scope: Construct, target: InvokeTarget, grantee: IFunction | string, options: GrantInvokeOptions = {}): void {
  if (options.sourceArn !== undefined || options.sourceAccount !== undefined || options.allowAnySource !== undefined) {
    fail(
      scope,
      'grantInvoke options',
      "left out on FC3 (conditions on the caller are AWS resource-permission settings; FC3 authorizes the caller's RAM identity)",
      options,
    );
  }
  const statement = {
    actions: ['fc:InvokeFunction'],
    resources: [`acs:fc:${target.location.region}:${target.location.account}:functions/${target.functionName}`],
  };
  if (typeof grantee !== 'string') {
    grantee.addToRolePolicy(statement);
    return;
  }
  checkPattern(
    scope,
    'grantInvoke principal',
    grantee,
    RAM_ROLE_ARN,
    'a RAM role ARN ("acs:ram::<account>:role/<name>"): FC3 has no resource-based invoke permission, and services invoke through a trigger\'s invocation role',
  );
  // A role made in the same program gives its ARN as a reference: its name is the part after "/".
  const roleName = isToken(grantee) ? Fn.element(Fn.split('/', grantee), 1) : RAM_ROLE_ARN.exec(grantee)![2];
  const count = scope.node.children.filter((c) => c.node.id.startsWith('InvokeGrant')).length;
  const holder = new Construct(scope, `InvokeGrant${count === 0 ? '' : count + 1}`);
  new RamGrants(holder, `Lets ${grantee} invoke ${scope.node.path}`).add(statement, roleName);
}
