import { IConstruct } from 'constructs';
import { ArtifactBucketOptions, CustomImageFunctionPropsBase, HealthCheckBase, LayerPropsBase, VpcOptionsBase } from './types';
import { checkPattern, checkRange, fail, isToken, warn } from './validation';

/** The most layers one function may use, on both clouds. */
export const MAX_LAYERS = 5;

/** Port of an HTTP server in a container. */
export function checkPort(scope: IConstruct, prop: string, port: number | undefined): void {
  checkRange(scope, prop, port, 1, 65535);
}

/** Health check path: an absolute HTTP path. */
export function checkHealthCheckPath(scope: IConstruct, health: HealthCheckBase | undefined): void {
  if (!health) return;
  checkPattern(scope, 'healthCheck.path', health.path, /^\/[^\s]*$/, 'an HTTP path starting with "/" and without spaces', { maxLength: 2048 });
}

/** Environment keys: a shell-style name, not one the platform reserves. */
export function checkEnvironment(
  scope: IConstruct,
  environment: { [key: string]: string } | undefined,
  reserved: readonly string[],
  reservedPrefixes: readonly string[] = [],
): void {
  if (!environment) return;
  for (const key of Object.keys(environment)) {
    if (isToken(key)) continue;
    if (reserved.includes(key) || reservedPrefixes.some((p) => key.startsWith(p))) {
      fail(
        scope,
        'environment key',
        `a name the platform does not reserve (reserved: ${[...reserved, ...reservedPrefixes.map((p) => `${p}*`)].join(', ')})`,
        key,
      );
    }
    checkPattern(scope, 'environment key', key, /^[A-Za-z][A-Za-z0-9_]*$/, 'letters, digits and "_", starting with a letter');
  }
}

/** A canary weight: the fraction of traffic sent to the canary version. */
export function checkWeight(scope: IConstruct, prop: string, weight: number | undefined): void {
  checkRange(scope, prop, weight, 0, 1, { integer: false });
}

/** What a version prop must be, in messages. */
export const VERSION_NUMBER = 'a published version number such as "1" (not $LATEST)';

/** A published version number, e.g. "3" (not `$LATEST`, not empty, not "v1"). */
export function checkVersionNumber(scope: IConstruct, prop: string, version: string | undefined): void {
  if (version === undefined || isToken(version)) return;
  if (typeof version !== 'string' || !/^[1-9][0-9]*$/.test(version)) {
    fail(scope, prop, VERSION_NUMBER, version);
  }
}

/** A layer's runtime list (1 to `max` entries) and its description (at most 256 characters). */
export function checkLayerBasics(scope: IConstruct, props: LayerPropsBase, maxRuntimes: number): void {
  const runtimes = props.compatibleRuntimes;
  if (!Array.isArray(runtimes) || runtimes.length === 0 || runtimes.length > maxRuntimes) {
    fail(scope, 'compatibleRuntimes', `a list of 1 to ${maxRuntimes} runtimes`, runtimes);
  }
  checkDescription(scope, props.description);
}

/** A description of at most 256 characters, the limit on both clouds. */
export function checkDescription(scope: IConstruct, description: string | undefined): void {
  checkPattern(scope, 'description', description, /^[\s\S]*$/, 'any text', { minLength: 0, maxLength: 256 });
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

/** The artifact bucket options both clouds share; returns the noncurrent-version expiration in days. */
export function checkArtifactBucketOptions(scope: IConstruct, options: ArtifactBucketOptions): number {
  checkRange(scope, 'noncurrentVersionExpirationDays', options.noncurrentVersionExpirationDays, 1, 3650, { unit: 'days' });
  return options.noncurrentVersionExpirationDays ?? 30;
}

/**
 * Policy resources: concrete names, or "*" only when every action of the statement is one the
 * cloud authorizes against "*" alone (`wildcardOnly`, each cloud's curated list, named in the error).
 */
export function checkPolicyResources(
  scope: IConstruct,
  prop: string,
  actions: readonly string[],
  resources: readonly string[],
  wildcardOnly: readonly string[],
): void {
  for (const r of resources) {
    if (isToken(r)) continue;
    if (r.trim() === '') fail(scope, prop, 'concrete ARNs', r);
    if (r === '*' && !actions.every((a) => wildcardOnly.includes(a))) {
      const others = actions.filter((a) => !wildcardOnly.includes(a));
      fail(scope, prop, `concrete ARNs for ${others.join(', ')} ("*" is allowed only for actions that accept nothing else: ${wildcardOnly.join(', ')})`, r);
    }
  }
}

/**
 * VPC placement: 1..maxSubnets (no bound when the cloud documents none) subnet IDs and 1..maxSecurityGroups security group IDs, each of the
 * cloud's ID form when literal, no duplicates. `form` names the form in messages, e.g. "subnet-…".
 */
export function checkVpc(
  scope: IConstruct,
  vpc: VpcOptionsBase | undefined,
  ids: { subnet: RegExp; subnetForm: string; maxSubnets?: number; securityGroup: RegExp; securityGroupForm: string; maxSecurityGroups: number },
): void {
  if (!vpc) return;
  const lists = [
    { prop: 'vpc.subnetIds', values: vpc.subnetIds, pattern: ids.subnet, form: ids.subnetForm, max: ids.maxSubnets },
    { prop: 'vpc.securityGroupIds', values: vpc.securityGroupIds, pattern: ids.securityGroup, form: ids.securityGroupForm, max: ids.maxSecurityGroups },
  ];
  for (const { prop, values, pattern, form, max } of lists) {
    if (isToken(values)) continue;
    if (!Array.isArray(values) || values.length < 1 || (max !== undefined && values.length > max)) {
      const count = max === 1 ? 'exactly one ID' : max === undefined ? 'at least one ID' : `1-${max} IDs`;
      fail(scope, prop, `${count} ("${form}"${max === 1 ? '' : ' each'})`, Array.isArray(values) ? values.length : values);
    }
    values.forEach((v) => checkPattern(scope, prop, v, pattern, `an ID of the form "${form}"`));
    const duplicate = values.find((v, i) => !isToken(v) && values.indexOf(v) !== i);
    if (duplicate !== undefined) fail(scope, prop, 'distinct IDs', duplicate);
  }
}
