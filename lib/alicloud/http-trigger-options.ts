/** Who may call the HTTP trigger. */
export enum HttpAuthType {
  /** Requests signed with Alibaba Cloud credentials. */
  FUNCTION = 'function',
  /** Anyone. */
  ANONYMOUS = 'anonymous',
}

/** An HTTP trigger for the function (`alicloud_fcv3_trigger` of type `http`). */
export interface HttpTriggerOptions {
  /** Who may call it. @default HttpAuthType.FUNCTION (signed requests) */
  readonly authType?: HttpAuthType;
  /** HTTP methods. @default ["GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS"] */
  readonly methods?: string[];
  /** Alias name or version the trigger invokes. @default "LATEST" */
  readonly qualifier?: string;
  /** Turn off the public URL (VPC only). @default false */
  readonly disableUrlInternet?: boolean;
}
