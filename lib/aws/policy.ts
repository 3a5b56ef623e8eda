import { Lazy } from 'cdktf';
import { IConstruct } from 'constructs';
import { checkPolicyResources } from '../core/policy';

/**
 * Actions whose only resource type is "*" (Service Authorization Reference: X-Ray's trace and
 * sampling calls, CloudWatch PutMetricData, and the EC2 network-interface calls Lambda makes for a
 * function in a VPC, as in the managed policy AWSLambdaVPCAccessExecutionRole). A statement may
 * name "*" only when every one of its actions is in this list.
 */
export const WILDCARD_ONLY_ACTIONS: readonly string[] = [
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'xray:GetSamplingStatisticSummaries',
  'cloudwatch:PutMetricData',
  'ec2:CreateNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSubnets',
  'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
];

/** One IAM policy statement: concrete resources, or "*" only for actions that accept nothing else. */
export interface PolicyStatement {
  /** Statement id, unique in the policy. */
  readonly sid: string;
  /** Actions, e.g. `sqs:SendMessage`. */
  readonly actions: string[];
  /** Resource ARNs. */
  readonly resources: string[];
}

/**
 * The statements of one inline role policy. Constructs add to it while the program runs; the JSON
 * is rendered at synth, so one `aws_iam_role_policy` holds every grant of a function.
 */
export class PolicyStatements {
  private readonly statements: PolicyStatement[] = [];

  constructor(private readonly owner: IConstruct) {}

  /** Adds a statement; refuses empty resources, and "*" unless every action accepts only "*". */
  public add(statement: PolicyStatement): void {
    checkPolicyResources(this.owner, `policy statement ${statement.sid} resources`, statement.actions, statement.resources, WILDCARD_ONLY_ACTIONS);
    const same = (s: PolicyStatement) => JSON.stringify([s.actions, s.resources]) === JSON.stringify([statement.actions, statement.resources]);
    if (this.statements.some((s) => same(s))) return; // already granted
    // Two grants of one kind (e.g. two async configurations, one per qualifier) get numbered ids.
    let sid = statement.sid;
    for (let n = 2; this.statements.some((s) => s.sid === sid); n++) sid = `${statement.sid}${n}`;
    this.statements.push({ ...statement, sid });
  }

  /** The policy JSON, produced at synth time with every statement added by then. */
  public render(): string {
    return Lazy.stringValue({
      produce: () =>
        JSON.stringify({
          Version: '2012-10-17',
          Statement: this.statements.map((s) => ({
            Sid: s.sid,
            Effect: 'Allow',
            Action: s.actions.length === 1 ? s.actions[0] : s.actions,
            Resource: s.resources.length === 1 ? s.resources[0] : s.resources,
          })),
        }),
    });
  }
}
