import { Lazy } from 'cdktf';
import { IConstruct } from 'constructs';
import { isToken } from '../core/validation';

/** One IAM policy statement (always a concrete resource list: the library never grants on "*"). */
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

  /** Adds a statement; refuses wildcard or empty resources and duplicate ids. */
  public add(statement: PolicyStatement): void {
    for (const r of statement.resources) {
      if (!isToken(r) && (r === '*' || r.trim() === '')) {
        throw new Error(`[${this.owner.node.path}] policy resources must be concrete ARNs, got ${JSON.stringify(r)} in statement ${statement.sid}`);
      }
    }
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
      produce: () => JSON.stringify({
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
