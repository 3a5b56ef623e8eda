import { Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { checkPolicyResources } from '../core/policy';
import { uniqueName } from '../core/private/names';
import { RamPolicy } from '../generated/alicloud/ram-policy';
import { RamRolePolicyAttachment } from '../generated/alicloud/ram-role-policy-attachment';

/**
 * RAM actions authorized against "*" only: Container Registry's GetAuthorizationToken (ACR "RAM
 * authorization information": GetAuthorizationToken → cr:GetAuthorizationToken on `*`), which FC
 * calls with the function's role to get the temporary password it pulls an image with. A
 * statement may name "*" only when every one of its actions is in this list.
 */
export const WILDCARD_ONLY_ACTIONS: readonly string[] = ['cr:GetAuthorizationToken'];

/** One RAM policy statement; resources are always concrete ARNs. */
export interface RamStatement {
  /** Actions, e.g. `mns:SendMessage`. */
  readonly actions: string[];
  /** Resource ARNs (`acs:…`). */
  readonly resources: string[];
}

/**
 * The grants of a function's RAM role, for our functions and imported ones alike: each statement
 * must name concrete resources; all of them go into one custom policy, made and attached to the
 * role on the first grant (`RolePolicy`, `RolePolicyAttachment` under `scope`).
 */
export class RamGrants {
  private readonly statements: RamStatement[] = [];
  private made?: { readonly policy: RamPolicy; readonly attachment: RamRolePolicyAttachment };

  constructor(
    private readonly scope: Construct,
    private readonly description: string,
  ) {}

  /** Adds a statement; `roleName` is the role the policy is attached to on the first grant. */
  public add(statement: RamStatement, roleName: string): void {
    checkPolicyResources(this.scope, `policy resources for ${statement.actions.join(', ')}`, statement.actions, statement.resources, WILDCARD_ONLY_ACTIONS);
    this.statements.push(statement);
    if (this.made) return;
    const policy = new RamPolicy(this.scope, 'RolePolicy', {
      policyName: uniqueName(this.scope, 128),
      description: this.description,
      // Compared as resolved (two references to one queue are two tokens until then), actions and
      // resources as sets: the same grant from two constructs is one statement, the first one's.
      policyDocument: Lazy.stringValue({
        produce: (context) => {
          const seen = new Set<string>();
          const rendered: object[] = [];
          for (const s of this.statements) {
            const actions: string[] = context.resolve(s.actions);
            const resources: string[] = context.resolve(s.resources);
            const key = JSON.stringify([[...new Set(actions)].sort(), [...new Set(resources)].sort()]);
            if (seen.has(key)) continue;
            seen.add(key);
            rendered.push({ Effect: 'Allow', Action: actions, Resource: resources });
          }
          return JSON.stringify({ Version: '1', Statement: rendered });
        },
      }),
    });
    const attachment = new RamRolePolicyAttachment(this.scope, 'RolePolicyAttachment', { policyName: policy.policyName, policyType: 'Custom', roleName });
    this.made = { policy, attachment };
  }

  /** The custom policy, once something is granted. */
  public get policy(): RamPolicy | undefined {
    return this.made?.policy;
  }

  /** The policy's attachment to the role, once something is granted: what needs a grant depends on it. */
  public get attachment(): RamRolePolicyAttachment | undefined {
    return this.made?.attachment;
  }
}
