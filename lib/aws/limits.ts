import { IConstruct } from 'constructs';
import { checkOneOf, checkPattern, checkRange } from '../core/validation';

/** AWS Lambda service limits the constructs check at synth. */
export const AWS_LIMITS = {
  memoryMin: 128,
  memoryMax: 10240,
  timeoutMin: 1,
  timeoutMax: 900,
  /** Function code plus all layers, unzipped. */
  unzippedMax: 262_144_000,
  retriesMax: 2,
  eventAgeMin: 60,
  eventAgeMax: 21600,
} as const;

/** Environment keys Lambda sets itself and refuses in a function's configuration. */
export const AWS_RESERVED_ENVIRONMENT = [
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
] as const;

/** Instruction set of a function. */
export enum Architecture {
  X86_64 = 'x86_64',
  ARM_64 = 'arm64',
}

/** CloudWatch Logs retention values (days); 0 would mean "never expire", which we do not default to. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export function checkFunctionName(scope: IConstruct, name: string | undefined): void {
  checkPattern(scope, 'functionName', name, /^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_"', { maxLength: 64 });
}

export function checkMemoryAndTimeout(scope: IConstruct, memorySize: number | undefined, timeout: number | undefined): void {
  checkRange(scope, 'memorySize', memorySize, AWS_LIMITS.memoryMin, AWS_LIMITS.memoryMax, { unit: 'MB' });
  checkRange(scope, 'timeout', timeout, AWS_LIMITS.timeoutMin, AWS_LIMITS.timeoutMax, { unit: 's' });
}

export function checkArchitecture(scope: IConstruct, prop: string, architecture: string | undefined): void {
  checkOneOf(scope, prop, architecture, [Architecture.X86_64, Architecture.ARM_64] as string[]);
}
