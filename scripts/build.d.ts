/** The import renames of CDK Terrain's upgrade guide, applied to one source file. */
export function toCdktn(source: string): string;
/** Writes lib/ renamed for cdktn, with the fork's Alibaba Cloud bindings, to build/cdktn/<name>; returns the folder. */
export function prepareCdktnSource(name?: string): string;
