import { IConstruct } from 'constructs';
import { checkOneOf, checkPattern, checkRange } from '../core/validation';

/**
 * AWS limits the constructs check at synth. Each names its source; "Smithy X" is shape X of the
 * service's Smithy model, copied with its commit into lib/aws/api-facts.json, and
 * test/api-facts.test.ts fails when a value here disagrees with the file.
 */
export const AWS_LIMITS = {
  /** Smithy lambda MemorySize range. */
  memoryMin: 128,
  memoryMax: 10240,
  /** Smithy lambda Timeout range (min); max from CreateFunctionRequest.Timeout's documentation ("The maximum allowed value is 900 seconds."). */
  timeoutMin: 1,
  timeoutMax: 900,
  /** Function code plus all layers, unzipped: Lambda developer guide, "Lambda quotas" (250 MB); not in the model. */
  unzippedMax: 262_144_000,
  /** Smithy lambda MaximumRetryAttempts range. */
  retriesMax: 2,
  /** Smithy lambda MaximumEventAgeInSeconds range. */
  eventAgeMin: 60,
  eventAgeMax: 21600,
  /** Smithy lambda EphemeralStorageSize range. */
  ephemeralStorageMin: 512,
  ephemeralStorageMax: 10240,
  /** Smithy lambda Description length. */
  descriptionMax: 256,
  /** A bare function name: CreateFunctionRequest.FunctionName's documentation ("limited to 64 characters"); Smithy FunctionName's 140 is the ARN's. */
  functionNameMax: 64,
  /** Smithy lambda LayerName length. */
  layerNameMax: 140,
  /** Smithy lambda Alias length. */
  aliasNameMax: 128,
  /** Smithy lambda StatementId length. */
  statementIdMax: 100,
  /** Smithy lambda Handler length. */
  handlerMax: 128,
  /** Smithy lambda LicenseInfo length. */
  licenseMax: 512,
  /** Smithy lambda WorkingDirectory length. */
  workingDirectoryMax: 1000,
  /** Smithy lambda StringList length (ImageConfig Command / EntryPoint). */
  imageArgsMax: 1500,
  /** Smithy lambda SubnetIds / SecurityGroupIds length. */
  subnetsMax: 16,
  securityGroupsMax: 5,
  /** Smithy lambda AllowOriginsList / AllowMethodsList length, Origin / Method length (function URL CORS). */
  corsOriginsMax: 100,
  corsMethodsMax: 6,
  corsOriginLengthMax: 253,
  corsMethodLengthMax: 6,
  /** Environment variables in all: Lambda developer guide, "Lambda quotas" ("Function environment variables: 4 KB"); not in the model. */
  environmentBytesMax: 4096,
  /** Smithy scheduler Name length. */
  scheduleNameMax: 64,
  /** Smithy scheduler ScheduleExpression length. */
  scheduleExpressionMax: 256,
  /** Smithy cloudwatch AlarmName length. */
  alarmNameMax: 255,
  /** Smithy cloudwatch ResourceList length (AlarmActions, OKActions). */
  alarmActionsMax: 5,
  /** PutMetricAlarmInput.EvaluationPeriods' documentation: "this number multiplied by Period cannot be more than 86,400 seconds". */
  alarmEvaluationSecondsMax: 86400,
  /** SQS CreateQueueRequest.QueueName's documentation ("up to 80 characters"). */
  queueNameMax: 80,
  /** SQS CreateQueueRequest.Attributes' documentation, MessageRetentionPeriod (60 s to 1,209,600 s). */
  queueRetentionMax: 1209600,
} as const;

/** Smithy lambda EnvironmentVariableName pattern: a letter, then at least one letter, digit or "_". */
export const AWS_ENVIRONMENT_KEY = /^[a-zA-Z]([a-zA-Z0-9_])+$/;
/** Smithy lambda StatementId pattern. */
export const AWS_STATEMENT_ID = /^([a-zA-Z0-9-_]+)$/;
/** Smithy lambda Alias pattern: not only digits (that would read as a version). */
export const AWS_ALIAS_NAME = /^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$/;
/** The name part of Smithy lambda FunctionName's pattern, `([a-zA-Z0-9-_]+)`. */
export const AWS_FUNCTION_NAME = /^[a-zA-Z0-9-_]+$/;
/** Smithy lambda LayerName pattern, its name alternative. */
export const AWS_LAYER_NAME = /^[a-zA-Z0-9-_]+$/;

/**
 * Environment keys Lambda sets itself and refuses in a function's configuration: Lambda developer
 * guide, "Defined runtime environment variables" (the reserved ones); not in the model.
 */
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

/** CloudWatch Logs retention values (days), the enum of PutRetentionPolicy's retentionInDays; 0 would mean "never expire", which we do not default to. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export function checkFunctionName(scope: IConstruct, name: string | undefined): void {
  checkPattern(scope, 'functionName', name, AWS_FUNCTION_NAME, 'letters, digits, "-" and "_"', { maxLength: AWS_LIMITS.functionNameMax });
}

export function checkMemoryAndTimeout(scope: IConstruct, memorySize: number | undefined, timeout: number | undefined): void {
  checkRange(scope, 'memorySize', memorySize, AWS_LIMITS.memoryMin, AWS_LIMITS.memoryMax, { unit: 'MB' });
  checkRange(scope, 'timeout', timeout, AWS_LIMITS.timeoutMin, AWS_LIMITS.timeoutMax, { unit: 's' });
}

export function checkArchitecture(scope: IConstruct, prop: string, architecture: string | undefined): void {
  checkOneOf(scope, prop, architecture, [Architecture.X86_64, Architecture.ARM_64] as string[]);
}
