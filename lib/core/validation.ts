import { Token } from 'cdktf';
import { IConstruct } from 'constructs';

const BRAND = Symbol.for('cdktf-serverless-constructs.ValidationError');

/**
 * The one error format of the library: `[construct path] prop must be <allowed>, got <value>`.
 * Thrown in constructors, so bad input fails at synth before anything reaches Terraform. The parts of
 * the message are fields too; `isValidationError` recognizes it across copies of the library.
 */
export class ValidationError extends Error {
  /** Path of the construct that refused the value. */
  public readonly path: string;
  /** The prop (or part of one) refused, e.g. "schedule.minute". */
  public readonly prop: string;
  /** The refused value as given. */
  public readonly value: unknown;
  /** What is allowed, in words. */
  public readonly allowed: string;

  constructor(scope: IConstruct, prop: string, allowed: string, value: unknown, options: ValidationErrorOptions = {}) {
    const detail = options.detail ? ` ${options.detail}` : '';
    super(`[${scope.node.path}] ${prop} must ${options.verb ?? 'be'} ${allowed}, got ${describe(value)}${detail}`);
    this.name = 'ValidationError';
    this.path = scope.node.path;
    this.prop = prop;
    this.value = value;
    this.allowed = allowed;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** True for a `ValidationError` of any copy of this library (`instanceof` sees one copy only). */
export function isValidationError(e: unknown): e is ValidationError {
  return e instanceof Error && (e as unknown as { [BRAND]?: boolean })[BRAND] === true;
}

/** How a refusal reads beyond "must be <allowed>, got <value>". */
export interface ValidationErrorOptions {
  /** The verb after "must". @default "be" */
  readonly verb?: string;
  /** Said after the value, e.g. "(not found)". @default nothing */
  readonly detail?: string;
}

/** Throws the library's validation error. */
export function fail(scope: IConstruct, prop: string, allowed: string, value: unknown, options?: ValidationErrorOptions): never {
  throw new ValidationError(scope, prop, allowed, value, options);
}

/** How a value is quoted in messages: strings in quotes, everything else as JSON. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  if (Array.isArray(value) && value.length > 8) return `${value.length} items`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** True when the value is only known at apply time (a Terraform expression). */
export function isToken(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'number') return Token.isUnresolved(value);
  if (Array.isArray(value)) return Token.isUnresolved(value);
  return value !== null && typeof value === 'object' && Token.isUnresolved(value);
}

export interface RangeOptions {
  /** Require a whole number. @default true */
  readonly integer?: boolean;
  /** Require a multiple of this step. @default none */
  readonly multipleOf?: number;
  /** Unit appended in the message, e.g. "MB". @default none */
  readonly unit?: string;
}

/** Checks `min <= value <= max` for a literal number; tokens are left to the provider. */
export function checkRange(scope: IConstruct, prop: string, value: number | undefined, min: number, max: number, opts: RangeOptions = {}): void {
  if (value === undefined || isToken(value)) return;
  const unit = opts.unit ? ` ${opts.unit}` : '';
  const integer = opts.integer ?? true;
  const kind = integer ? 'an integer' : 'a number';
  const step = opts.multipleOf ? ` and a multiple of ${opts.multipleOf}` : '';
  // An open upper bound (Infinity) where the cloud sets none but an account quota.
  const allowed = max === Infinity ? `${kind} of at least ${min}${unit}${step}` : `${kind} between ${min} and ${max}${unit}${step}`;
  if (typeof value !== 'number' || Number.isNaN(value) || value < min || value > max) fail(scope, prop, allowed, value);
  if (integer && !Number.isInteger(value)) fail(scope, prop, allowed, value);
  if (opts.multipleOf && !isMultiple(value, opts.multipleOf)) fail(scope, prop, allowed, value);
}

function isMultiple(value: number, step: number): boolean {
  const q = value / step;
  return Math.abs(q - Math.round(q)) < 1e-9;
}

export interface PatternOptions {
  /** Minimum length. @default 1 */
  readonly minLength?: number;
  /** Maximum length. @default no limit */
  readonly maxLength?: number;
}

/** Checks a literal string against a length range and a pattern, described in words for the message. */
export function checkPattern(scope: IConstruct, prop: string, value: string | undefined, pattern: RegExp, described: string, opts: PatternOptions = {}): void {
  if (value === undefined || isToken(value)) return;
  const min = opts.minLength ?? 1;
  const max = opts.maxLength;
  const allowed = max === undefined ? described : `${min}-${max} characters of ${described}`;
  if (typeof value !== 'string' || value.length < min || (max !== undefined && value.length > max) || !pattern.test(value)) {
    fail(scope, prop, allowed, value);
  }
}

/** Checks a literal value is one of a fixed set. */
export function checkOneOf<T>(scope: IConstruct, prop: string, value: T | undefined, allowed: readonly T[]): void {
  if (value === undefined || isToken(value)) return;
  if (!allowed.includes(value)) fail(scope, prop, `one of ${allowed.map((a) => describe(a)).join(', ')}`, value);
}

/** Checks a list is not longer than `max`. */
export function checkMaxItems(scope: IConstruct, prop: string, value: readonly unknown[] | undefined, max: number, what: string): void {
  if (value === undefined || isToken(value)) return;
  if (value.length > max) fail(scope, prop, `at most ${max} ${what}`, value.length, { verb: 'have' });
}
