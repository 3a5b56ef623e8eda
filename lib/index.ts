export * as aws from './aws';
export * as alicloud from './alicloud';
export * from './core/types';
export { ValidationError } from './core/validation';
export { findLayerOverlaps } from './core/layers';
export type { LayerRef, LayerOverlap } from './core/layers';
export { packageFolder, listFolder, packagingStats, cacheDirectory } from './core/package';
export type { FolderFile, FolderListing, PackagedFolder } from './core/package';
