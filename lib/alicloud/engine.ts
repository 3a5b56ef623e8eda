import { TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { fail } from '../core/validation';

/** Context key that says which engine deploys the stacks: "terraform" (default), "opentofu" or "legacy". */
export const ENGINE_CONTEXT = 'cdktf-serverless:engine';

/**
 * The engines that can forget an object instead of destroying it (`lifecycle { destroy = false }`,
 * also on replacement): Terraform 1.16 (hashicorp/terraform PR 38784) and OpenTofu 1.12
 * (opentofu/opentofu PR 3409). "legacy" is for older engines: see README, "Versions on FC3".
 */
const FLOORS: { [engine: string]: string | undefined } = { terraform: '>= 1.16.0', opentofu: '>= 1.12.0', legacy: undefined };

export function engineOf(scope: IConstruct): string {
  const engine = (scope.node.tryGetContext(ENGINE_CONTEXT) as string | undefined) ?? 'terraform';
  if (!(engine in FLOORS)) fail(scope, `context "${ENGINE_CONTEXT}"`, `one of ${Object.keys(FLOORS).map((e) => `"${e}"`).join(', ')}`, engine);
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
  TerraformStack.of(resource).addOverride('terraform.required_version', floor);
  return true;
}
