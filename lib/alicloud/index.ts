// The public API of the Alibaba Cloud constructs: named exports only; checks and helpers stay internal.
export { AlicloudProvider } from './provider/provider';
export type { AlicloudProviderConfig } from './provider/provider';
export { ArtifactBucket } from './artifact-bucket';
export { AsyncWithDeadLetter } from './async-with-dead-letter';
export type { AsyncWithDeadLetterProps, BufferOptions, IQueue } from './async-with-dead-letter';
export { CanaryAlias } from './canary-alias';
export type { CanaryAliasProps } from './canary-alias';
export { CustomImageFunction, HttpAuthType } from './custom-image-function';
export type { CustomImageFunctionProps, HealthCheck, HttpTriggerOptions } from './custom-image-function';
export { ENGINE_CONTEXT } from './engine';
export { FunctionBase } from './function-base';
export type { FcLocation, FunctionCommonProps, IFunction, LogConfig, RamStatement } from './function-base';
export { Layer } from './layer';
export type { ILayer, LayerProps } from './layer';
export { LayeredFunction } from './layered-function';
export type { LayeredFunctionProps } from './layered-function';
export { FC_LIMITS, FC_RUNTIMES } from './limits';
