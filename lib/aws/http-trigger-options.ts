/** Who may call the function URL. */
export enum HttpAuthType {
  /** Callers sign requests with SigV4 and need `lambda:InvokeFunctionUrl`. */
  AWS_IAM = 'AWS_IAM',
  /**
   * Anyone on the internet, through the URL only. Needs a provider that has
   * `aws_lambda_permission.invoked_via_function_url` (the cdktn flavour, hashicorp/aws 6.66.0); refused
   * on the cdktf flavour (hashicorp/aws 6.25.0).
   */
  NONE = 'NONE',
}

/** An HTTPS endpoint for the function (`aws_lambda_function_url`). */
export interface HttpTriggerOptions {
  /** Who may call it. @default HttpAuthType.AWS_IAM */
  readonly authType?: HttpAuthType;
  /** Alias name or version the URL invokes (e.g. a CanaryAlias's name). @default the unqualified function */
  readonly qualifier?: string;
  /** Origins allowed by CORS. @default no CORS */
  readonly allowOrigins?: string[];
  /** Methods allowed by CORS. @default ["*"] when allowOrigins is set */
  readonly allowMethods?: string[];
}
