import { IConstruct } from 'constructs';
import { checkOneOf, checkPattern, checkRange, fail, isToken } from '../core/validation';

/** Function Compute 3.0 limits the constructs check at synth. */
export const FC_LIMITS = {
  memoryMin: 128,
  memoryMax: 32768,
  memoryStep: 64,
  timeoutMin: 1,
  timeoutMax: 86400,
  cpuMin: 0.05,
  cpuMax: 16,
  instanceConcurrencyMax: 200,
  retriesMax: 8,
  eventAgeMin: 1,
  eventAgeMax: 86400,
  /** MNS keeps a message at most 7 days. */
  queueRetentionMax: 604800,
} as const;

/** Runtimes `alicloud_fcv3_function` accepts (provider 1.289 validation list). */
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

/** Environment keys FC sets itself. */
export const FC_RESERVED_ENVIRONMENT = ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_SECURITY_TOKEN'] as const;
export const FC_RESERVED_PREFIXES = ['FC_'] as const;

/** Names of functions, layers and aliases: FC's rule is letters, digits, "_" and "-", not starting with a digit or "-". */
const FC_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
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
  checkOneOf<number>(scope, 'diskSize', props.diskSize, [512, 10240]);
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
