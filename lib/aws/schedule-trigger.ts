import { Construct } from 'constructs';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { SchedulerSchedule } from '@cdktf/provider-aws/lib/scheduler-schedule';
import { uniqueName } from '../core/private/names';
import { attachToFunction } from '../core/private/trigger';
import { ScheduleTriggerPropsBase } from '../core/schedule';
import { TriggerTargetProps } from './trigger-target';
import { PolicyStatements } from './policy';

export interface ScheduleTriggerProps extends ScheduleTriggerPropsBase, TriggerTargetProps {}

/**
 * An EventBridge Scheduler schedule (`aws_scheduler_schedule`, no flexible window) that invokes a
 * function or its alias. The scheduler assumes a role of its own that may only
 * `lambda:InvokeFunction` the target; the schedule waits for that permission.
 */
export class ScheduleTrigger extends Construct {
  public readonly cloud = 'aws' as const;
  /** The schedule. */
  public readonly schedule: SchedulerSchedule;
  /** The role EventBridge Scheduler assumes to invoke the target. */
  public readonly role: IamRole;
  /** The role's one permission: invoke the target. */
  public readonly rolePolicy: IamRolePolicy;

  constructor(scope: Construct, id: string, props: ScheduleTriggerProps) {
    super(scope, id);
    attachToFunction(this, props);
    props.schedule.check(this);
    const target = props.qualifier ? props.qualifier.arn : props.function.arn;

    // Only schedules of this account may use the role (the confused-deputy condition of the Scheduler
    // user guide, "Set up the execution role", https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html).
    // The account is the caller's of the provider the role and schedule are made with
    // (data.aws_caller_identity, under this construct so it gets the same provider): it names nothing
    // of the stack, so no cycle. The target's ARN holds the function's account instead, which is not
    // the schedule's for a function imported from another account.
    const account = new DataAwsCallerIdentity(this, 'Account', {}).accountId;
    this.role = new IamRole(this, 'Role', {
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'scheduler.amazonaws.com' },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'aws:SourceAccount': account } },
          },
        ],
      }),
      description: `EventBridge Scheduler role of ${this.node.path}`,
    });
    const statements = new PolicyStatements(this);
    statements.add({ sid: 'InvokeTarget', actions: ['lambda:InvokeFunction'], resources: [target] });
    this.rolePolicy = new IamRolePolicy(this, 'RolePolicy', { role: this.role.id, name: 'invoke-target', policy: statements.render() });
    this.schedule = new SchedulerSchedule(this, 'Default', {
      name: uniqueName(this, 64),
      description: `Scheduled invocation defined at ${this.node.path}`,
      scheduleExpression: props.schedule.toAws(),
      flexibleTimeWindow: { mode: 'OFF' },
      target: { arn: target, roleArn: this.role.arn, input: props.payload },
      dependsOn: [this.rolePolicy],
    });
  }
}
