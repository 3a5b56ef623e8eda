import { Construct } from 'constructs';
import { LambdaFunctionUrl } from '@cdktf/provider-aws/lib/lambda-function-url';
import { LambdaPermission, LambdaPermissionConfig } from '@cdktf/provider-aws/lib/lambda-permission';
import { checkOneOf, fail } from '../../core/validation';
import { warn } from '../../core/warnings';
import type { HttpAuthType, HttpTriggerOptions } from '../http-trigger-options';

/**
 * Whether the provider binding this library runs on can limit a permission to calls made through a
 * function URL (`aws_lambda_permission.invoked_via_function_url`): @cdktn/provider-aws 25.7
 * (hashicorp/aws 6.66.0) generates the attribute's accessors on the class, @cdktf/provider-aws
 * 21.22.1 (hashicorp/aws 6.25.0) has none.
 */
export const PERMISSION_HAS_INVOKED_VIA_FUNCTION_URL = 'invokedViaFunctionUrl' in LambdaPermission.prototype;

/** What a function URL made: the URL and, for auth type NONE, the two permissions that let anyone call it. */
export interface FunctionUrlParts {
  readonly url: LambdaFunctionUrl;
  readonly publicPermission?: LambdaPermission;
  readonly publicInvokePermission?: LambdaPermission;
}

/**
 * A function URL (`aws_lambda_function_url`) on the function or a qualifier, with CORS when origins
 * are given. With `authType` NONE, the resource policy that lets anyone call the URL, and only the
 * URL: since October 2025 a new function URL needs both `lambda:InvokeFunctionUrl` (with
 * `function_url_auth_type = NONE`) and `lambda:InvokeFunction`, the latter limited to calls made
 * through the URL (`invoked_via_function_url = true`, the condition lambda:InvokedViaFunctionUrl;
 * AWS Lambda developer guide, "Control access to Lambda function URLs"; the argument came with
 * hashicorp/terraform-provider-aws PR 44858). An unconditioned InvokeFunction for "*" would let
 * anyone invoke the function directly, so where the binding cannot express the condition, NONE is
 * refused.
 */
export function functionUrl(
  scope: Construct,
  prop: string,
  functionName: string,
  qualifier: string | undefined,
  options: HttpTriggerOptions,
  authTypes: { iam: HttpAuthType; none: HttpAuthType },
): FunctionUrlParts {
  const authType = options.authType ?? authTypes.iam;
  checkOneOf(scope, `${prop}authType`, authType, [authTypes.iam, authTypes.none]);
  if (authType === authTypes.none && !PERMISSION_HAS_INVOKED_VIA_FUNCTION_URL) {
    fail(
      scope,
      `${prop}authType`,
      'HttpAuthType.AWS_IAM with @cdktf/provider-aws (hashicorp/aws 6.25.0): a public function URL also needs lambda:InvokeFunction limited to calls through the URL (aws_lambda_permission.invoked_via_function_url), which that provider version cannot express, and without it the URL answers 403; sign requests (AWS_IAM) or use the cdktn flavour (cdktn-serverless-constructs, hashicorp/aws 6.66.0)',
      authType,
    );
  }
  if (authType === authTypes.none && options.allowOrigins?.includes('*')) {
    warn(scope, `${prop}allowOrigins: a public URL (authType NONE) that any origin's scripts may call (CORS "*"): name the origins`);
  }
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
  // Typed through a spread: the attribute exists only on the bindings the check above admits.
  const viaUrl: Partial<LambdaPermissionConfig> = { ...({ invokedViaFunctionUrl: true } as object) };
  const publicInvokePermission = new LambdaPermission(scope, 'PublicInvokePermission', {
    functionName,
    qualifier,
    action: 'lambda:InvokeFunction',
    principal: '*',
    statementId: 'FunctionUrlAllowInvokeViaUrl',
    ...viaUrl,
  });
  return { url, publicPermission, publicInvokePermission };
}
