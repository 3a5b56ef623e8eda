import { Aspects, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { fail } from '../core/validation';

/** Context key that says which engine deploys the stacks: "terraform" (default), "opentofu" or "legacy". */
export const ENGINE_CONTEXT = 'cdktf-serverless:engine';

/**
 * The first releases that forget an object instead of destroying it when it is replaced
 * (`lifecycle { destroy = false }` with `create_before_destroy`). Terraform added the argument in
 * 1.16.0 (hashicorp/terraform PR 38784), but 1.16.0 fails on a replacement with
 * create_before_destroy ("Forget against a deposed object", issue 39088) and, without it, destroys
 * the old object; PR 39169 (merged 2026-09-09) fixed both, so the floor is the first patch release
 * after it. OpenTofu 1.12.0 (opentofu/opentofu PR 3409) plans ForgetThenCreate for any replacement
 * of such a resource (internal/tofu/node_resource_abstract_instance.go, skip_destroy_test.go).
 * "legacy" is for older engines: see README, "Versions on FC3".
 */
const FLOORS: { [engine: string]: string | undefined } = { terraform: '>= 1.16.1', opentofu: '>= 1.12.0', legacy: undefined };

export function engineOf(scope: IConstruct): string {
  const engine = (scope.node.tryGetContext(ENGINE_CONTEXT) as string | undefined) ?? 'terraform';
  if (!(engine in FLOORS))
    fail(
      scope,
      `context "${ENGINE_CONTEXT}"`,
      `one of ${Object.keys(FLOORS)
        .map((e) => `"${e}"`)
        .join(', ')}`,
      engine,
    );
  return engine;
}

/**
 * Keeps the cloud object when Terraform replaces or removes the resource: the resource gets
 * `lifecycle.destroy = false` and its stack declares the engine floor, so an older engine stops
 * at init with Terraform's own "Unsupported Terraform Core version" message instead of deleting.
 * Returns false on the legacy engine, where nothing can be forgotten.
 */
export function forgetInsteadOfDestroy(resource: TerraformResource): boolean {
  const floor = FLOORS[engineOf(resource)];
  if (!floor) return false;
  resource.addOverride('lifecycle.destroy', false);
  requireEngine(TerraformStack.of(resource), floor);
  return true;
}

const REQUIRING = new WeakSet<TerraformStack>();

/**
 * Adds `floor` to the stack's `terraform.required_version`, at synth, after the user's own code has
 * run: a constraint the user set with `stack.addOverride('terraform.required_version', …)`, before
 * or after the constructs, is kept and joined with the floor (Terraform reads a comma-separated list
 * as "all of these"), never replaced.
 */
function requireEngine(stack: TerraformStack, floor: string): void {
  if (REQUIRING.has(stack)) return;
  REQUIRING.add(stack);
  Aspects.of(stack).add({
    visit(node: IConstruct) {
      if (node !== stack) return;
      const user = userRequiredVersion(stack);
      const parts = (user ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p.length > 0);
      if (!parts.includes(floor)) parts.push(floor);
      stack.addOverride('terraform.required_version', parts.join(', '));
    },
  });
}

/**
 * The stack's `terraform.required_version` override, if any. cdktf has no getter for overrides; both
 * cdktf 0.21 and cdktn 0.24 keep them in `rawOverrides` (terraform-stack.ts), read here and only here.
 */
function userRequiredVersion(stack: TerraformStack): string | undefined {
  const raw = (stack as unknown as { rawOverrides?: { terraform?: { required_version?: unknown } } }).rawOverrides;
  const value = raw?.terraform?.required_version;
  return typeof value === 'string' ? value : undefined;
}
