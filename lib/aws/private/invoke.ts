import { Construct } from 'constructs';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { uniqueName } from '../../core/private/names';
import { GrantInvokeOptions } from '../../core/function';
import { checkOneOf, checkPattern, fail } from '../../core/validation';
import type { IFunction } from '../function';

// Who may be given lambda:InvokeFunction: a service principal, an account, or an IAM identity. "*"
// (anyone) is refused: a public function is a function URL with authType NONE.
const SERVICE = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/;
const PRINCIPAL = /^(\d{12}|arn:aws(-cn|-us-gov)?:iam::\d{12}:(root|role\/[\w+=,.@/-]+|user\/[\w+=,.@/-]+))$/;

/** What is invoked: a function (any version) or one alias of it. */
export interface InvokeTarget {
  readonly functionName: string;
  /** Alias name as a reference, for an alias. */
  readonly qualifier?: string;
  /** ARNs the grantee's role needs lambda:InvokeFunction on. */
  readonly arns: string[];
}

/**
 * grantInvoke on AWS. Another function: its role gets lambda:InvokeFunction on the target. A
 * principal: an `aws_lambda_permission` on the function (or the alias), which names the function
 * by reference and so waits for it.
 */
export function grantInvoke(
  scope: Construct,
  target: InvokeTarget,
  grantee: IFunction | string,
  options: GrantInvokeOptions = {},
): LambdaPermission | undefined {
  if (typeof grantee !== 'string') {
    if (options.sourceArn !== undefined || options.sourceAccount !== undefined || options.allowAnySource !== undefined) {
      fail(scope, 'grantInvoke options', 'left out when the grantee is a function (its role is granted; conditions apply to principals)', options);
    }
    grantee.addToRolePolicy({ sid: 'InvokeFunction', actions: ['lambda:InvokeFunction'], resources: target.arns });
    return undefined;
  }
  if (!SERVICE.test(grantee)) {
    checkPattern(
      scope,
      'grantInvoke principal',
      grantee,
      PRINCIPAL,
      'a service principal (e.g. "events.amazonaws.com"), a 12-digit account ID or an IAM role or user ARN ("*" is refused: a public function is a function URL)',
    );
  }
  checkPattern(scope, 'grantInvoke sourceAccount', options.sourceAccount, /^\d{12}$/, 'a 12-digit account ID');
  checkPattern(scope, 'grantInvoke sourceArn', options.sourceArn, /^arn:aws(-cn|-us-gov)?:[a-z0-9-]+:/, 'an ARN ("arn:aws:<service>:…")');
  checkOneOf(scope, 'grantInvoke allowAnySource', options.allowAnySource, [true, false]);
  const conditioned = options.sourceArn !== undefined || options.sourceAccount !== undefined;
  // A service principal without a source condition lets that service invoke on behalf of anyone's
  // resources (the confused deputy; Lambda developer guide, "Granting function access to other
  // services", recommends SourceArn/SourceAccount; checkov CKV_AWS_364): refused unless opted into by name.
  if (SERVICE.test(grantee) && !conditioned && options.allowAnySource !== true) {
    fail(
      scope,
      'grantInvoke options',
      `sourceArn or sourceAccount for service principal ${JSON.stringify(grantee)} (without them any ${grantee} resource of any account may invoke the function), or allowAnySource: true to accept that`,
      options,
      { verb: 'name' },
    );
  }
  if (options.allowAnySource === true && (conditioned || !SERVICE.test(grantee))) {
    fail(scope, 'grantInvoke allowAnySource', 'left out with sourceArn or sourceAccount, or for a principal that is not a service', options.allowAnySource);
  }
  const count = scope.node.children.filter((c) => c.node.id.startsWith('InvokePermission')).length;
  const id = `InvokePermission${count === 0 ? '' : count + 1}`;
  const statementId = uniqueName(scope, 90) + (count === 0 ? '' : `-${count + 1}`);
  return new LambdaPermission(scope, id, {
    statementId,
    action: 'lambda:InvokeFunction',
    functionName: target.functionName,
    qualifier: target.qualifier,
    principal: grantee,
    sourceArn: options.sourceArn,
    sourceAccount: options.sourceAccount,
  });
}
