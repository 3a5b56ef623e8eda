import { IConstruct } from 'constructs';
import { checkDescription } from './function';
import { FolderListing } from './package';
import { TaggableProps } from './tags';
import { checkMaxItems, fail, isToken } from './validation';
import { warn } from './warnings';

/** A layer as a function sees it, on either cloud. */
export interface LayerRef {
  /** Layer version ARN. */
  readonly arn: string;
  /** How the layer is named in messages. */
  readonly label: string;
  /** Runtimes it declares, when known. */
  readonly compatibleRuntimes?: readonly string[];
  /** Its files, when it was built from a local folder (for overlap and size checks). */
  readonly listing?: FolderListing;
  /** Hash of its content, when built from a local folder (a new version follows a new layer). */
  readonly contentHash?: string;
}

/** A function's layers after the checks both clouds share. */
export interface CheckedLayers<L extends LayerRef = LayerRef> {
  /** The layers in the user's order. */
  readonly layers: readonly L[];
  /** Those built from local folders, in the user's order. */
  readonly local: readonly LocalLayerFiles[];
}

/**
 * The layer checks both clouds share: at most 5, no layer twice, each compatible with the
 * function's runtime. Plain strings are existing layer version ARNs.
 */
export function checkLayers<L extends LayerRef>(
  scope: IConstruct,
  layers: readonly (L | string)[] | undefined,
  runtime: string,
  fromArn: (arn: string) => L,
): CheckedLayers<L> {
  checkMaxItems(scope, 'layers', layers, MAX_LAYERS, 'layers');
  const refs = (layers ?? []).map((l) => (typeof l === 'string' ? fromArn(l) : l));
  const seen = new Set<unknown>();
  (layers ?? []).forEach((l, i) => {
    if (seen.has(l)) fail(scope, `layers[${i}]`, 'a layer not already in the list', refs[i].label);
    seen.add(l);
  });
  refs.forEach((layer, i) => {
    if (layer.compatibleRuntimes && !isToken(runtime) && !layer.compatibleRuntimes.includes(runtime)) {
      fail(
        scope,
        `layers[${i}]`,
        `a layer compatible with runtime "${runtime}" (layer ${JSON.stringify(layer.label)} lists ${layer.compatibleRuntimes.join(', ')})`,
        layer.label,
      );
    }
  });
  const local = refs.flatMap((l) => (l.listing ? [{ label: l.label, listing: l.listing }] : []));
  return { layers: refs, local };
}

/** A layer whose files the library knows (built from a local folder). */
export interface LocalLayerFiles {
  /** How the layer is named in messages. */
  readonly label: string;
  /** Its files. */
  readonly listing: FolderListing;
}

/** A relative path present in more than one layer of one function. */
export interface LayerOverlap {
  /** The path inside the layer (under /opt at run time). */
  readonly file: string;
  /** The layers holding it, in the user's order. */
  readonly layers: readonly string[];
  /** The layer whose copy is used: the last one in the user's order. */
  readonly winner: string;
}

/**
 * Finds files present in more than one layer. The user's order means "a later layer overrides the
 * same file of an earlier one" on every cloud (each cloud maps the order so this holds).
 */
export function findLayerOverlaps(layers: readonly LocalLayerFiles[]): LayerOverlap[] {
  const owners = new Map<string, string[]>();
  for (const layer of layers) {
    for (const file of layer.listing.files) {
      const list = owners.get(file.path);
      if (list) {
        if (!list.includes(layer.label)) list.push(layer.label);
      } else owners.set(file.path, [layer.label]);
    }
  }
  const overlaps: LayerOverlap[] = [];
  for (const [file, labels] of owners) {
    if (labels.length > 1) overlaps.push({ file, layers: labels, winner: labels[labels.length - 1] });
  }
  return overlaps.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

const MAX_LISTED = 50;

/** Adds one warning per overlapping file (the first 50, then a count) on the function. */
export function warnLayerOverlaps(scope: IConstruct, layers: readonly LocalLayerFiles[]): LayerOverlap[] {
  const overlaps = findLayerOverlaps(layers);
  for (const o of overlaps.slice(0, MAX_LISTED)) {
    warn(
      scope,
      `layers: file ${JSON.stringify(o.file)} is in layers ${o.layers.map((l) => JSON.stringify(l)).join(', ')}; ` +
        `${JSON.stringify(o.winner)} wins (a later layer overrides the same file of an earlier one)`,
    );
  }
  if (overlaps.length > MAX_LISTED) {
    warn(scope, `layers: ${overlaps.length - MAX_LISTED} more files are in more than one layer (${overlaps.length} in all)`);
  }
  return overlaps;
}

/** A part of a function's deployment that counts toward the unzipped size limit. */
export interface SizedPart {
  readonly label: string;
  readonly bytes: number;
}

/** Fails when code plus local layers exceed the cloud's unzipped limit, naming the largest parts. */
export function checkUnzippedSize(scope: IConstruct, parts: readonly SizedPart[], limit: number): void {
  const total = parts.reduce((n, p) => n + p.bytes, 0);
  if (total <= limit) return;
  const largest = [...parts]
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 3)
    .map((p) => `${p.label} ${p.bytes} bytes`)
    .join(', ');
  fail(scope, 'code plus layers', `at most ${limit} bytes unzipped`, total, { detail: `bytes (largest: ${largest})` });
}

/** The most layers one function may use, on both clouds. */
export const MAX_LAYERS = 5;

/** A layer built from a local folder. */
export interface LayerPropsBase extends TaggableProps {
  /** Local folder whose content is unpacked under /opt (e.g. it holds `nodejs/node_modules/lodash`). */
  readonly path: string;
  /** Runtimes the layer is for; a function whose runtime is not listed cannot use it. */
  readonly compatibleRuntimes: string[];
  /** Name of the layer. @default derived from the construct path */
  readonly layerName?: string;
  /** Description of the layer. @default none */
  readonly description?: string;
  /**
   * Keep a layer version in the cloud when a new one replaces it (or the layer is removed): functions
   * in other stacks, and the versions functions published earlier, still name it. `false` deletes it.
   * @default true
   */
  readonly skipDestroy?: boolean;
}

/** A layer's runtime list (1 to `max` entries) and its description (at most 256 characters). */
export function checkLayerBasics(scope: IConstruct, props: LayerPropsBase, maxRuntimes: number): void {
  const runtimes = props.compatibleRuntimes;
  if (!Array.isArray(runtimes) || runtimes.length === 0 || runtimes.length > maxRuntimes) {
    fail(scope, 'compatibleRuntimes', `a list of 1 to ${maxRuntimes} runtimes`, runtimes);
  }
  checkDescription(scope, props.description);
}
