import { IConstruct } from 'constructs';
import { fail, isToken } from './validation';

/**
 * Policy resources: concrete names, or "*" only when every action of the statement is one the
 * cloud authorizes against "*" alone (`wildcardOnly`, each cloud's curated list, named in the error).
 */
export function checkPolicyResources(
  scope: IConstruct,
  prop: string,
  actions: readonly string[],
  resources: readonly string[],
  wildcardOnly: readonly string[],
): void {
  for (const r of resources) {
    if (isToken(r)) continue;
    if (r.trim() === '') fail(scope, prop, 'concrete ARNs', r);
    if (r === '*' && !actions.every((a) => wildcardOnly.includes(a))) {
      const others = actions.filter((a) => !wildcardOnly.includes(a));
      fail(scope, prop, `concrete ARNs for ${others.join(', ')} ("*" is allowed only for actions that accept nothing else: ${wildcardOnly.join(', ')})`, r);
    }
  }
}
