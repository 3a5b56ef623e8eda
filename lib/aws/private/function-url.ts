import { Construct } from 'constructs';
import { LambdaFunctionUrl } from '@cdktf/provider-aws/lib/lambda-function-url';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { checkOneOf } from '../../core/validation';
import type { HttpAuthType, HttpTriggerOptions } from '../http-trigger-options';

/**
 * A function URL (`aws_lambda_function_url`) on the function or a qualifier, with CORS when origins
 * are given; with `authType` NONE, also the resource permission that lets anyone call the URL (only
 * the URL: `lambda:InvokeFunctionUrl` with `function_url_auth_type = NONE`).
 */
export function functionUrl(
  scope: Construct,
  prop: string,
  functionName: string,
  qualifier: string | undefined,
  options: HttpTriggerOptions,
  authTypes: { iam: HttpAuthType; none: HttpAuthType },
): { url: LambdaFunctionUrl; publicPermission?: LambdaPermission } {
  const authType = options.authType ?? authTypes.iam;
  checkOneOf(scope, `${prop}authType`, authType, [authTypes.iam, authTypes.none]);
  const url = new LambdaFunctionUrl(scope, 'FunctionUrl', {
    functionName,
    qualifier,
    authorizationType: authType,
    cors: options.allowOrigins ? { allowOrigins: options.allowOrigins, allowMethods: options.allowMethods ?? ['*'] } : undefined,
  });
  if (authType !== authTypes.none) return { url };
  const publicPermission = new LambdaPermission(scope, 'PublicUrlPermission', {
    functionName,
    qualifier,
    action: 'lambda:InvokeFunctionUrl',
    principal: '*',
    functionUrlAuthType: 'NONE',
    statementId: 'FunctionUrlAllowPublicAccess',
  });
  return { url, publicPermission };
}
