import { IConstruct } from 'constructs';
import { FunctionPropsBase } from './function';
import { checkPattern, checkRange, fail, isToken } from './validation';
import { warn } from './warnings';

// A container image function on either cloud: its props and the checks both clouds share.

/** The HTTP readiness check of a container: the platform waits until it answers 2xx. */
export interface HealthCheckBase {
  /** HTTP path probed on the container's port; must start with `/`, e.g. `/healthz`. */
  readonly path: string;
}

/** An HTTP server in a container image. */
export interface CustomImageFunctionPropsBase extends FunctionPropsBase {
  /** Image reference in the cloud's registry; pin a digest for reproducible deploys. */
  readonly image: string;
  /** Start command (the image's ENTRYPOINT override). @default the image's ENTRYPOINT */
  readonly command?: string[];
  /** Arguments of the start command (the image's CMD override). @default the image's CMD */
  readonly args?: string[];
  /** Port the HTTP server listens on (1-65535). @default 9000 on FC3; 8080 (the adapter's default) on AWS */
  readonly port?: number;
  /** Readiness check. @default none */
  readonly healthCheck?: HealthCheckBase;
}

/** Port of an HTTP server in a container. */
export function checkPort(scope: IConstruct, prop: string, port: number | undefined): void {
  checkRange(scope, prop, port, 1, 65535);
}

/** Health check path: an absolute HTTP path. */
export function checkHealthCheckPath(scope: IConstruct, health: HealthCheckBase | undefined): void {
  if (!health) return;
  checkPattern(scope, 'healthCheck.path', health.path, /^\/[^\s]*$/, 'an HTTP path starting with "/" and without spaces', { maxLength: 2048 });
}

/** An image function's start command and arguments (non-empty lists), and no layers. */
export function checkImageFunctionBasics(scope: IConstruct, props: CustomImageFunctionPropsBase, maxItems: number): void {
  if ((props as { layers?: unknown }).layers !== undefined) {
    const layers = (props as { layers?: unknown[] }).layers;
    fail(
      scope,
      'layers',
      'left out: container image functions cannot use layers (put the files in the image)',
      Array.isArray(layers) ? layers.length : layers,
      { detail: Array.isArray(layers) ? (layers.length === 1 ? 'layer' : 'layers') : undefined },
    );
  }
  for (const [prop, list] of [
    ['command', props.command],
    ['args', props.args],
  ] as const) {
    if (list !== undefined && !isToken(list) && (!Array.isArray(list) || list.length === 0 || list.length > maxItems)) {
      fail(scope, prop, `a list of 1 to ${maxItems} strings`, list);
    }
  }
  checkPort(scope, 'port', props.port);
  checkHealthCheckPath(scope, props.healthCheck);
}

/** Warns when an image is not pinned: a tag "latest", or no tag (the registry then serves "latest"). */
export function warnUnpinnedImage(scope: IConstruct, image: string, tag: string | undefined, digest: string | undefined, noTag: string): void {
  if (digest || (tag !== undefined && tag !== 'latest')) return;
  warn(
    scope,
    `image ${JSON.stringify(image)} ${tag ? 'uses the mutable tag "latest"' : `has no tag (${noTag})`}: pin a digest (@sha256:…) or an immutable tag so every deploy runs the image you tested`,
  );
}
