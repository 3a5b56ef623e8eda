import { Construct } from 'constructs';
import { uniqueName } from '../core/private/names';
import { attachToFunction } from '../core/private/trigger';
import { HttpAuthType } from './http-trigger-options';
import { TriggerTargetProps } from './trigger-target';
import { httpTrigger } from './private/http-trigger';
import { Fcv3Trigger } from '../generated/alicloud/fcv3-trigger';

export interface HttpTriggerProps extends TriggerTargetProps {
  /** Who may call it. @default HttpAuthType.FUNCTION (signed requests) */
  readonly authType?: HttpAuthType;
  /** HTTP methods. @default ["GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS"] */
  readonly methods?: string[];
  /** Turn off the public URL (VPC only). @default false */
  readonly disableUrlInternet?: boolean;
}

/**
 * The HTTP path to a function or its alias on FC3: an HTTP trigger (`alicloud_fcv3_trigger` of type
 * `http`, the alias as qualifier, so the canary split applies to its requests), signed requests by
 * default. API Gateway routes are not built by this library.
 */
export class HttpTrigger extends Construct {
  public readonly cloud = 'alicloud' as const;
  /** The HTTP trigger. */
  public readonly trigger: Fcv3Trigger;

  constructor(scope: Construct, id: string, props: HttpTriggerProps) {
    super(scope, id);
    attachToFunction(this, props);
    this.trigger = httpTrigger(
      this,
      'Default',
      '',
      props.function.functionName,
      props.qualifier ? props.qualifier.qualifier : 'LATEST',
      uniqueName(this, 128),
      props,
      { signed: HttpAuthType.FUNCTION, anonymous: HttpAuthType.ANONYMOUS },
    );
  }

  /** The public URL. */
  public get url(): string {
    return this.trigger.httpTrigger.get(0).urlInternet;
  }
}
