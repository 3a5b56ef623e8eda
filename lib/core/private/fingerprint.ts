import * as crypto from 'crypto';
import { Token } from 'cdktf';

/**
 * A short hash of a function's version-relevant configuration. Tokens are replaced by a marker:
 * their text depends on construction order, not on what they stand for, so callers add the
 * content hashes of what the tokens point to (code, local layers) as plain values instead.
 */
export function fingerprint(parts: unknown): string {
  const canonical = JSON.stringify(parts, (_key, value) => {
    if ((typeof value === 'string' || typeof value === 'number') && Token.isUnresolved(value)) return '<token>';
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, (value as { [k: string]: unknown })[k]]),
      );
    }
    return value;
  });
  return crypto
    .createHash('sha256')
    .update(canonical ?? 'undefined')
    .digest('hex')
    .slice(0, 16);
}
