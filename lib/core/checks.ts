import { IConstruct } from 'constructs';
import { HealthCheckBase } from './types';
import { checkPattern, checkRange, fail, isToken } from './validation';

/** The most layers one function may use, on both clouds. */
export const MAX_LAYERS = 5;

/** Port of an HTTP server in a container. */
export function checkPort(scope: IConstruct, prop: string, port: number | undefined): void {
  checkRange(scope, prop, port, 1, 65535);
}

/** Health check path: an absolute HTTP path. */
export function checkHealthCheckPath(scope: IConstruct, health: HealthCheckBase | undefined): void {
  if (!health) return;
  checkPattern(scope, 'healthCheck.path', health.path, /^\/[^\s]*$/, 'an HTTP path starting with "/" and without spaces', { maxLength: 2048 });
}

/** Environment keys: a shell-style name, not one the platform reserves. */
export function checkEnvironment(scope: IConstruct, environment: { [key: string]: string } | undefined, reserved: readonly string[], reservedPrefixes: readonly string[] = []): void {
  if (!environment) return;
  for (const key of Object.keys(environment)) {
    if (isToken(key)) continue;
    if (reserved.includes(key) || reservedPrefixes.some((p) => key.startsWith(p))) {
      fail(scope, 'environment key', `a name the platform does not reserve (reserved: ${[...reserved, ...reservedPrefixes.map((p) => `${p}*`)].join(', ')})`, key);
    }
    checkPattern(scope, 'environment key', key, /^[A-Za-z][A-Za-z0-9_]*$/, 'letters, digits and "_", starting with a letter');
  }
}

/** A canary weight: the fraction of traffic sent to the canary version. */
export function checkWeight(scope: IConstruct, prop: string, weight: number | undefined): void {
  checkRange(scope, prop, weight, 0, 1, { integer: false });
}

/** A published version number, e.g. "3" (not `$LATEST`, not empty, not "v1"). */
export function checkVersionNumber(scope: IConstruct, prop: string, version: string | undefined): void {
  if (version === undefined || isToken(version)) return;
  if (typeof version !== 'string' || !/^[1-9][0-9]*$/.test(version)) {
    fail(scope, prop, 'a published version number such as "1" (not $LATEST)', version);
  }
}
