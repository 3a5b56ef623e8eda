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
    this.statements.push(statement);
  }

  /**
   * The policy JSON, produced at synth time with every statement added by then. Statements are
   * compared as resolved (two references to one queue are two tokens until then), their actions and
   * resources as sets: the same grant from two constructs is one statement, the first one's. Two
   * grants of one kind (e.g. two async configurations, one per qualifier) get numbered ids, in the
   * order they were added.
   */
  public render(): string {
    return Lazy.stringValue({
      produce: (context) => {
        const seen = new Set<string>();
        const sids = new Set<string>();
        const rendered: object[] = [];
        for (const s of this.statements) {
          const actions: string[] = context.resolve(s.actions);
          const resources: string[] = context.resolve(s.resources);
          const key = JSON.stringify([[...new Set(actions)].sort(), [...new Set(resources)].sort()]);
          if (seen.has(key)) continue; // already granted
          seen.add(key);
          let sid = s.sid;
          for (let n = 2; sids.has(sid); n++) sid = `${s.sid}${n}`;
          sids.add(sid);
          rendered.push({
            Sid: sid,
            Effect: 'Allow',
            Action: actions.length === 1 ? actions[0] : actions,
            Resource: resources.length === 1 ? resources[0] : resources,
          });
        }
        return JSON.stringify({ Version: '2012-10-17', Statement: rendered });
      },
    });
  }
}
