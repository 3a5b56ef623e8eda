import { IConstruct } from 'constructs';
import { checkOneOf, checkPattern, checkRange, fail, isToken } from '../core/validation';

/**
 * Function Compute 3.0 limits the constructs check at synth. Each names its source, copied into
 * lib/alicloud/api-facts.json; test/api-facts.test.ts fails when a value here disagrees with it.
 */
export const FC_LIMITS = {
  /** API reference CreateFunction memorySize: 128 MB to 32 GB in multiples of 64 MB (the provider's IntBetween(64, 32768) is looser). */
  memoryMin: 128,
  memoryMax: 32768,
  memoryStep: 64,
  /** Provider timeout IntBetween(0, 86400) and the Limits page (execution duration 86,400 s); 0 would mean the default. */
  timeoutMin: 1,
  timeoutMax: 86400,
  /** API reference CreateFunction cpu and provider FloatBetween(0.05, 16). */
  cpuMin: 0.05,
  cpuMax: 16,
  /** Provider instance_concurrency IntBetween(0, 200). */
  instanceConcurrencyMax: 200,
  /** API reference PutAsyncInvokeConfigInput maxAsyncRetryAttempts [0,8]. */
  retriesMax: 8,
  /** Provider fcv3_async_invoke_config max_async_event_age_in_seconds IntBetween(0, 86400), narrower than the API's [1,604800]. */
  eventAgeMin: 1,
  eventAgeMax: 86400,
  /** MNS keeps a message at most 7 days (MNS CreateQueue MessageRetentionPeriod; not re-checked in this file's sources). */
  queueRetentionMax: 604800,
  /** API reference CreateFunction functionName: 1-64 characters. */
  functionNameMax: 64,
  /** "Configure tags" page: 20 tags a resource, keys up to 64 characters, values up to 128. */
  tagsMax: 20,
  tagKeyMax: 64,
  tagValueMax: 128,
  /** "Configure environment variables", Limitations: the total size of all environment variables cannot exceed 4 KB. */
  environmentBytesMax: 4096,
} as const;

/** "Configure environment variables", Limitations: a key starts with a letter; letters, digits and "_". */
export const FC_ENVIRONMENT_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Runtimes `alicloud_fcv3_function` accepts (provider runtime StringInSlice; custom-container is CustomImageFunction's). */
/** API reference CreateFunction diskSize: 512 MB or 10240 MB. */
export const FC_DISK_SIZES = [512, 10240] as const;

export const FC_RUNTIMES = [
  'python3.12',
  'python3.10',
  'python3.9',
  'python3',
  'nodejs20',
  'nodejs18',
  'nodejs16',
  'nodejs14',
  'java11',
  'java8',
  'php7.2',
  'dotnetcore3.1',
  'go1',
  'custom.debian12',
  'custom.debian11',
  'custom.debian10',
  'custom',
] as const;

/** Environment keys FC sets itself (FC docs, "Environment variables": the credentials FC injects and its FC_ prefix); not re-checked in this file's sources. */
export const FC_RESERVED_ENVIRONMENT = ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_SECURITY_TOKEN'] as const;
export const FC_RESERVED_PREFIXES = ['FC_'] as const;

/** Names of functions, layers and aliases: API reference CreateFunction functionName, letters, digits, "_" and "-", not starting with a digit or "-". */
export const FC_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const FC_NAME_WORDS = 'letters, digits, "_" and "-", starting with a letter or "_"';

export function checkFcName(scope: IConstruct, prop: string, value: string | undefined, maxLength: number): void {
  checkPattern(scope, prop, value, FC_NAME, FC_NAME_WORDS, { maxLength });
}

/** Memory, timeout, vCPU (with FC's cpu : memory ratio), disk and instance concurrency. */
export function checkFcCapacity(
  scope: IConstruct,
  props: { memorySize?: number; timeout?: number; cpu?: number; diskSize?: number; instanceConcurrency?: number },
): void {
  checkRange(scope, 'memorySize', props.memorySize, FC_LIMITS.memoryMin, FC_LIMITS.memoryMax, { unit: 'MB', multipleOf: FC_LIMITS.memoryStep });
  checkRange(scope, 'timeout', props.timeout, FC_LIMITS.timeoutMin, FC_LIMITS.timeoutMax, { unit: 's' });
  checkRange(scope, 'cpu', props.cpu, FC_LIMITS.cpuMin, FC_LIMITS.cpuMax, { integer: false, multipleOf: 0.05, unit: 'vCPU' });
  checkOneOf<number>(scope, 'diskSize', props.diskSize, FC_DISK_SIZES);
  checkRange(scope, 'instanceConcurrency', props.instanceConcurrency, 1, FC_LIMITS.instanceConcurrencyMax);
  const { cpu, memorySize } = props;
  if (cpu !== undefined && memorySize !== undefined && !isToken(cpu) && !isToken(memorySize)) {
    const gbPerCpu = memorySize / 1024 / cpu;
    if (gbPerCpu < 1 - 1e-9 || gbPerCpu > 4 + 1e-9) {
      fail(scope, 'cpu', `a vCPU : memory (GB) ratio between 1:1 and 1:4 (for memorySize ${memorySize} MB: ${ratioRange(memorySize)} vCPU)`, cpu);
    }
  }
}

function ratioRange(memorySize: number): string {
  const gb = memorySize / 1024;
  const low = Math.max(FC_LIMITS.cpuMin, Math.ceil((gb / 4) * 20) / 20);
  const high = Math.min(FC_LIMITS.cpuMax, Math.floor(gb * 20) / 20);
  return `${low}-${high}`;
}
