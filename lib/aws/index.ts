// The public API of the AWS constructs: named exports only; checks and helpers stay internal.
export { ArtifactBucket } from './artifact-bucket';
export { AsyncWithDeadLetter } from './async-with-dead-letter';
export type { AsyncWithDeadLetterProps, BufferOptions } from './async-with-dead-letter';
export { FunctionDestination, QueueDestination } from './destination';
export type { IDestination, IQueue } from './destination';
export { CanaryAlias } from './canary-alias';
export type { CanaryAlarmOptions, CanaryAliasProps } from './canary-alias';
export { CustomImageFunction, HttpAuthType } from './custom-image-function';
export type { CustomImageFunctionProps, HttpTriggerOptions } from './custom-image-function';
export { ApplicationLogLevel, FunctionBase, LogFormat, SystemLogLevel, Tracing } from './function-base';
export type { FunctionCommonProps, IFunction, VpcOptions } from './function-base';
export { Layer } from './layer';
export type { ILayer, LayerProps } from './layer';
export { LayeredFunction } from './layered-function';
export type { LayeredFunctionProps } from './layered-function';
export { Architecture, AWS_LIMITS, LOG_RETENTION_DAYS } from './limits';
export { WILDCARD_ONLY_ACTIONS } from './policy';
export type { PolicyStatement } from './policy';
