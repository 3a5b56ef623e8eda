import * as crypto from 'crypto';
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * A deterministic physical name for a resource the user did not name: the construct path below
 * the stack (readable), plus a short hash of the full path (unique across stacks), cut to fit.
 */
export function uniqueName(scope: IConstruct, maxLength: number, separator = '-'): string {
  const stack = TerraformStack.of(scope);
  const below = scope.node.scopes.slice(scope.node.scopes.indexOf(stack)).map((c) => c.node.id);
  const hash = crypto.createHash('sha256').update(scope.node.path).digest('hex').slice(0, 8);
  const readable = below
    .join(separator)
    .replace(/[^A-Za-z0-9_-]/g, '')
    .replace(/^[^A-Za-z]+/, '');
  const room = maxLength - hash.length - separator.length;
  const head = readable.length > room ? readable.slice(0, room) : readable;
  return `${head || 'fn'}${separator}${hash}`;
}
