import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';

const ID = 'ServerlessState';

/**
 * What the library remembers per stack (the provider it found, shared uploads, which functions have
 * an async configuration), held by one construct in the stack's tree rather than in module-level
 * maps: it lives and dies with the stack, and two apps in one process never share it. It makes no
 * Terraform resources.
 */
export class StackState extends Construct {
  /** The stack's state, created on first use. */
  public static of(scope: IConstruct): StackState {
    const stack = TerraformStack.of(scope);
    return (stack.node.tryFindChild(ID) as StackState | undefined) ?? new StackState(stack, ID);
  }

  private readonly values = new Map<string, unknown>();

  /** The value under `key`, made by `make` the first time it is asked for. */
  public remember<T>(key: string, make: () => T): T {
    if (!this.values.has(key)) this.values.set(key, make());
    return this.values.get(key) as T;
  }

  /** Like `remember`, but a search that finds nothing is tried again next time (it may exist by then). */
  public find<T>(key: string, search: () => T | undefined): T | undefined {
    const found = (this.values.get(key) as T | undefined) ?? search();
    if (found !== undefined) this.values.set(key, found);
    return found;
  }
}
