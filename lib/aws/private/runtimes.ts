import { IConstruct } from 'constructs';
import { fail, isToken } from '../../core/validation';
import { warn } from '../../core/warnings';

/**
 * Lambda's managed runtimes for .zip functions and layers, as of 2026-11-27: the identifiers the
 * Lambda API accepts, and the date AWS deprecated each one (AWS "Lambda runtimes" page, the
 * deprecation table; mirrored in tflint-ruleset-aws, rules/aws_lambda_function_deprecated_runtime.go).
 * Lambda blocks creating functions on a deprecated runtime a few weeks to months after its
 * deprecation date (the exact "block function create" date varies by runtime and region): a
 * runtime deprecated more than a year before the table's date is refused, a more recent one warns.
 */
const CURRENT = ['nodejs24.x', 'nodejs22.x', 'python3.14', 'python3.13', 'python3.12', 'java25', 'java21', 'dotnet10', 'ruby3.4', 'ruby3.3', 'provided.al2023'];
const DEPRECATED: { [runtime: string]: string } = {
  dotnet8: '2026-11-10',
  'python3.11': '2026-06-30',
  'python3.10': '2026-06-30',
  java17: '2026-06-30',
  java11: '2026-06-30',
  'java8.al2': '2026-06-30',
  'provided.al2': '2026-06-30',
  'nodejs20.x': '2026-04-30',
  'ruby3.2': '2026-03-31',
  'python3.9': '2025-12-15',
  'nodejs18.x': '2025-09-01',
  'python3.8': '2024-10-14',
  dotnet6: '2024-11-12',
  'nodejs16.x': '2024-06-12',
  dotnet7: '2024-05-14',
  java8: '2024-01-08',
  'go1.x': '2024-01-08',
  provided: '2024-01-08',
  'nodejs14.x': '2023-12-04',
  'python3.7': '2023-12-04',
  'ruby2.7': '2023-11-27',
  'dotnetcore3.1': '2023-04-03',
  'nodejs12.x': '2023-03-31',
  'python3.6': '2022-07-18',
  'dotnet5.0': '2022-05-10',
  'dotnetcore2.1': '2022-01-05',
  'nodejs10.x': '2021-07-30',
  'ruby2.5': '2021-07-30',
  'python2.7': '2021-07-15',
  'nodejs8.10': '2020-03-06',
};
/** Deprecated on or before this date: Lambda no longer creates functions on it. */
const BLOCKED_BEFORE = '2025-11-27';

/** The current runtimes of the same language, to suggest instead of a deprecated one. */
function successors(runtime: string): string {
  const family = runtime.replace(/[\d.]+(\.x|\.al2)?$/, '');
  const same = CURRENT.filter((r) => r.startsWith(family));
  return (same.length > 0 ? same : CURRENT).join(', ');
}

/** Checks a Lambda runtime identifier: known to Lambda, and not blocked for new functions. */
export function checkLambdaRuntime(scope: IConstruct, prop: string, runtime: string): void {
  if (isToken(runtime)) return;
  const deprecated = DEPRECATED[runtime];
  if (!CURRENT.includes(runtime) && !deprecated) {
    fail(scope, prop, `a Lambda runtime identifier (${CURRENT.join(', ')}; see the AWS "Lambda runtimes" page)`, runtime);
  }
  if (deprecated && deprecated <= BLOCKED_BEFORE) {
    fail(scope, prop, `a runtime Lambda still accepts for new functions (AWS deprecated ${runtime} on ${deprecated}; use ${successors(runtime)})`, runtime);
  }
  if (deprecated) {
    warn(
      scope,
      `${prop}: AWS deprecated ${JSON.stringify(runtime)} on ${deprecated}: it gets no security updates, and Lambda blocks creating, then updating, functions on it; move to ${successors(runtime)}`,
    );
  }
}

/**
 * Whether Lambda SnapStart supports the runtime: Java 11 and later, Python 3.12 and later, .NET 8
 * and later (AWS "Improving startup performance with Lambda SnapStart", supported features).
 */
export function supportsSnapStart(runtime: string): boolean {
  const match = /^(java|python3\.|dotnet)(\d+)$/.exec(runtime);
  if (!match) return false;
  const minimum: { [family: string]: number } = { java: 11, 'python3.': 12, dotnet: 8 };
  return Number(match[2]) >= minimum[match[1]];
}
