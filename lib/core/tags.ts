import { Aspects, IAspect, TerraformResource } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { fail } from './validation';

/** Tags for every resource a construct creates that takes tags. */
export interface TaggableProps {
  /** Tags (keys 1-128 characters, values at most 256), added to the stack-wide ones of `Tags.of(stack)`. @default none */
  readonly tags?: { [key: string]: string };
}

const REGISTRY = 'ServerlessTags';
const EXPLICIT = Symbol.for('cdktf-serverless-constructs.explicitTags');

type TagMap = { [key: string]: string };

/**
 * Tags for everything the library (or anyone) creates under a scope: every resource below it that
 * takes `tags` gets them at synth. A deeper scope's tags override a shallower one's for the same key,
 * and tags set on a resource itself win over both. Use `Tags.of(stack)` for a whole stack; each
 * construct's `tags` prop is `Tags.of(construct)`. On AWS the provider merges them with its
 * `default_tags` into `tags_all`; FC3 has no provider-wide tags, so this is the way there.
 */
export class Tags extends Construct {
  /** The tags of a scope (created on first use). */
  public static of(scope: IConstruct): Tags {
    return (scope.node.tryFindChild(REGISTRY) as Tags | undefined) ?? new Tags(scope as Construct, REGISTRY);
  }

  private readonly values: TagMap = {};

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    Aspects.of(scope).add(new TagAspect());
  }

  /** Adds a tag: key 1-128 characters, value at most 256; keys with a cloud's reserved prefix are refused. */
  public add(key: string, value: string): void {
    checkTag(this.node.scope!, key, value);
    this.values[key] = value;
  }

  /** The tags set on this scope itself. */
  public get tags(): Readonly<TagMap> {
    return this.values;
  }
}

/** Tag keys and values both clouds accept (AWS: 1-128 / 0-256, no "aws:" prefix; FC3 and RAM: no "aliyun" or "acs:" prefix). */
export function checkTag(scope: IConstruct, key: string, value: string): void {
  if (typeof key !== 'string' || key.length < 1 || key.length > 128 || /^(aws:|aliyun|acs:)/i.test(key)) {
    fail(scope, 'tags', 'keys of 1-128 characters not starting with "aws:", "aliyun" or "acs:"', key);
  }
  if (typeof value !== 'string' || value.length > 256) fail(scope, `tags.${key}`, 'a string of at most 256 characters', value);
}

/** Applies the tags of every scope above a resource, deepest last, then the resource's own. */
class TagAspect implements IAspect {
  public visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource) || !hasTags(node)) return;
    // `tagsInput` is what the resource was configured with (`tags` would read its own attribute back).
    const holder = node as unknown as { tags?: TagMap; tagsInput?: TagMap; [EXPLICIT]?: TagMap };
    if (!(EXPLICIT in holder)) holder[EXPLICIT] = holder.tagsInput ? { ...holder.tagsInput } : {};
    const inherited: TagMap = {};
    for (const scope of node.node.scopes) {
      const registry = scope.node.tryFindChild(REGISTRY);
      if (registry instanceof Tags) Object.assign(inherited, registry.tags);
    }
    const merged = { ...inherited, ...holder[EXPLICIT] };
    if (Object.keys(merged).length > 0) holder.tags = merged;
  }
}

function hasTags(resource: TerraformResource): boolean {
  for (let proto = Object.getPrototypeOf(resource); proto && proto !== TerraformResource.prototype; proto = Object.getPrototypeOf(proto)) {
    if (Object.getOwnPropertyDescriptor(proto, 'tags')?.set) return true;
  }
  return false;
}

/** Adds a construct's `tags` prop to its scope. */
export function tagConstruct(scope: IConstruct, tags: TagMap | undefined): void {
  for (const [key, value] of Object.entries(tags ?? {})) Tags.of(scope).add(key, value);
}
