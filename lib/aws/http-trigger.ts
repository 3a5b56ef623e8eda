import { Construct } from 'constructs';
import { LambdaFunctionUrl } from '@cdktf/provider-aws/lib/lambda-function-url';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { attachToFunction } from '../core/private/trigger';
import { HttpAuthType } from './http-trigger-options';
import { TriggerTargetProps } from './trigger-target';
import { functionUrl } from './private/function-url';

export interface HttpTriggerProps extends TriggerTargetProps {
  /** Who may call it. @default HttpAuthType.AWS_IAM */
  readonly authType?: HttpAuthType;
  /** Origins allowed by CORS. @default no CORS */
  readonly allowOrigins?: string[];
  /** Methods allowed by CORS. @default ["*"] when allowOrigins is set */
  readonly allowMethods?: string[];
}

/**
 * The HTTP path to a function or its alias on AWS: a Lambda function URL (`aws_lambda_function_url`,
 * the alias as qualifier, so the canary split applies to its requests), IAM-signed by default.
 * With `authType: NONE` anyone may call the URL (and only the URL): on the cdktn flavour (hashicorp/aws
 * 6.66.0), which can limit the needed `lambda:InvokeFunction` to calls through the URL; the cdktf
 * flavour (hashicorp/aws 6.25.0) refuses NONE. API Gateway routes are not built by this library.
 */
export class HttpTrigger extends Construct {
  public readonly cloud = 'aws' as const;
  /** The function URL. */
  public readonly functionUrl: LambdaFunctionUrl;
  /** The permission to call the URL (`lambda:InvokeFunctionUrl` for anyone), when `authType` is NONE. */
  public readonly publicUrlPermission?: LambdaPermission;
  /** The permission to invoke through the URL only (`lambda:InvokeFunction` with `invoked_via_function_url`), when `authType` is NONE. */
  public readonly publicInvokePermission?: LambdaPermission;

  constructor(scope: Construct, id: string, props: HttpTriggerProps) {
    super(scope, id);
    attachToFunction(this, props);
    const made = functionUrl(
      this,
      '',
      props.function.functionName,
      props.qualifier?.qualifier,
      { authType: props.authType, allowOrigins: props.allowOrigins, allowMethods: props.allowMethods },
      { iam: HttpAuthType.AWS_IAM, none: HttpAuthType.NONE },
    );
    this.functionUrl = made.url;
    this.publicUrlPermission = made.publicPermission;
    this.publicInvokePermission = made.publicInvokePermission;
  }

  /** The HTTPS URL. */
  public get url(): string {
    return this.functionUrl.functionUrl;
  }
}
