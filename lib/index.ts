// cdktf-serverless-constructs: one vocabulary for AWS Lambda (`aws`) and Alibaba Cloud Function
// Compute 3.0 (`alicloud`), and the cloud-neutral types both namespaces share.
export * as aws from './aws';
export * as alicloud from './alicloud';
export type { ArtifactBucketOptions } from './core/artifact-bucket';
export type { FunctionAttributes, FunctionPropsBase, GrantInvokeOptions, LayeredFunctionPropsBase, VpcOptionsBase } from './core/function';
export type { CustomImageFunctionPropsBase, HealthCheckBase } from './core/image';
export type { LayerPropsBase } from './core/layers';
export type { TaggableProps } from './core/tags';
export type { AsyncPropsBase, BatchingOptions, BufferOptionsBase } from './core/async';
export type { CanaryAliasPropsBase } from './core/canary';
export { isValidationError, ValidationError } from './core/validation';
export { Tags } from './core/tags';
export { Schedule } from './core/schedule';
export type { CronOptions, ScheduleTriggerPropsBase } from './core/schedule';
export { findLayerOverlaps } from './core/layers';
export type { LayerOverlap, LayerRef, LocalLayerFiles } from './core/layers';
export type { FolderFile, FolderListing } from './core/package';
