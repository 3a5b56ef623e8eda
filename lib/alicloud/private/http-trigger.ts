import { Construct } from 'constructs';
import { checkOneOf } from '../../core/validation';
import type { HttpAuthType, HttpTriggerOptions } from '../http-trigger-options';
import { Fcv3Trigger } from '../../generated/alicloud/fcv3-trigger';

const ALL_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'];

/** An FC HTTP trigger (`alicloud_fcv3_trigger` of type `http`: authType, methods, disableURLInternet) on a qualifier. */
export function httpTrigger(
  scope: Construct,
  id: string,
  prop: string,
  functionName: string,
  qualifier: string,
  triggerName: string,
  options: Omit<HttpTriggerOptions, 'qualifier'>,
  authTypes: { signed: HttpAuthType; anonymous: HttpAuthType },
): Fcv3Trigger {
  const authType = options.authType ?? authTypes.signed;
  checkOneOf(scope, `${prop}authType`, authType, [authTypes.signed, authTypes.anonymous]);
  const methods = options.methods ?? ALL_METHODS;
  methods.forEach((m) => checkOneOf(scope, `${prop}methods`, m, ALL_METHODS));
  return new Fcv3Trigger(scope, id, {
    functionName,
    triggerName,
    triggerType: 'http',
    qualifier,
    triggerConfig: JSON.stringify({ authType, methods, disableURLInternet: options.disableUrlInternet ?? false }),
  });
}
