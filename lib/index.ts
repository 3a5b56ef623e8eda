// cdktf-serverless-constructs: one vocabulary for AWS Lambda (`aws`) and Alibaba Cloud Function
// Compute 3.0 (`alicloud`), and the cloud-neutral types both namespaces share.
export * as aws from './aws';
export * as alicloud from './alicloud';
export type {
  ArtifactBucketOptions,
  CustomImageFunctionPropsBase,
  FunctionAttributes,
  GrantInvokeOptions,
  TaggableProps,
  HealthCheckBase,
  LayeredFunctionPropsBase,
  LayerPropsBase,
  VpcOptionsBase,
} from './core/types';
export type { AsyncPropsBase, BatchingOptions, BufferOptionsBase } from './core/async';
export type { CanaryAliasPropsBase } from './core/canary';
export { ValidationError } from './core/validation';
export { Tags } from './core/tags';
export { Schedule } from './core/schedule';
export type { CronOptions, ScheduleTriggerPropsBase } from './core/schedule';
export { findLayerOverlaps } from './core/layers';
export type { LayerOverlap, LayerRef, LocalLayerFiles } from './core/layers';
export type { FolderFile, FolderListing } from './core/package';
