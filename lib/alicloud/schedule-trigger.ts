import { Construct } from 'constructs';
import { uniqueName } from '../core/private/names';
import { attachToFunction } from '../core/private/trigger';
import { ScheduleTriggerPropsBase } from '../core/schedule';
import { TriggerTargetProps } from './trigger-target';
import { Fcv3Trigger } from '../generated/alicloud/fcv3-trigger';

export interface ScheduleTriggerProps extends ScheduleTriggerPropsBase, TriggerTargetProps {}

/**
 * An FC timer trigger (`alicloud_fcv3_trigger` of type `timer`, FC's TimerTriggerConfig:
 * `cronExpression`, `enable`, `payload`) on a function or its alias. FC runs it itself: no role.
 */
export class ScheduleTrigger extends Construct {
  public readonly cloud = 'alicloud' as const;
  /** The timer trigger. */
  public readonly trigger: Fcv3Trigger;

  constructor(scope: Construct, id: string, props: ScheduleTriggerProps) {
    super(scope, id);
    attachToFunction(this, props);
    props.schedule.check(this);
    this.trigger = new Fcv3Trigger(this, 'Default', {
      functionName: props.function.functionName,
      // FC trigger names: 1-128 of letters, digits, "_" and "-", unique per function.
      triggerName: uniqueName(this, 128),
      triggerType: 'timer',
      qualifier: props.qualifier ? props.qualifier.qualifier : 'LATEST',
      description: `Invokes ${props.function.functionName} on a schedule (${this.node.path})`,
      // FC returns "payload":"" for a timer without one, and the provider compares trigger_config
      // as exact JSON (compareJsonTemplateAreEquivalent, resource_alicloud_fcv3_trigger.go), so an
      // omitted payload would diff on every plan: send the empty string FC reads back. (The FC 2.0
      // resource strips it instead: delEmptyPayloadIfExist, alicloud/service_alicloud_fc.go.)
      triggerConfig: JSON.stringify({ cronExpression: props.schedule.toFc(), enable: true, payload: props.payload ?? '' }),
    });
  }
}
