'use strict';
// A small model of Alibaba Cloud (FC3, OSS, MNS, RAM, CloudMonitor): what decides whether a deploy works and what
// the provider reads back. Provider behaviour is that of aliyun/terraform-provider-alicloud v1.289.0
// (alicloud/resource_alicloud_<type>.go); where the library must work around a provider defect, the
// model reproduces the defect, so the workaround is proven.
const crypto = require('crypto');
const fs = require('fs');
const { CloudError, table, next } = require('./store');
const { UNKNOWN } = require('./cty');

const ACCOUNT = '1234567890123456';
const lit = (v) => (v === UNKNOWN || v === null || v === '' ? undefined : v);
const hash = (s, n = 8) => crypto.createHash('sha256').update(String(s)).digest('hex').slice(0, n);
const TIME = '2026-01-01T00:00:00Z';

/** Whether release a is older than release b (x.y.z). */
function olderThan(a, b) {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return false;
}

function fcFunction(c, name, action) {
  const fn = table(c.cloud, 'fcFunctions')[name];
  if (!fn) throw new CloudError('FunctionNotFound', `function '${name}' does not exist (${action})`);
  return fn;
}

function checkQualifier(fn, name, qualifier, action) {
  if (!qualifier || qualifier === 'LATEST') return;
  const known = /^\d+$/.test(qualifier) ? fn.versions[qualifier]?.state === 'published' : fn.aliases[qualifier];
  if (!known)
    throw new CloudError(
      /^\d+$/.test(qualifier) ? 'VersionNotFound' : 'AliasNotFound',
      `${/^\d+$/.test(qualifier) ? 'version' : 'alias'} '${qualifier}' of function '${name}' does not exist (${action})`,
    );
}

function ossBucket(c, bucket, action) {
  const b = table(c.cloud, 'ossBuckets')[bucket];
  if (!b) throw new CloudError('NoSuchBucket', `The specified bucket does not exist: ${bucket} (${action})`);
  return b;
}

function ossObject(c, bucket, key, action) {
  const b = ossBucket(c, bucket, action);
  if (!b.objects[key]?.current) throw new CloudError('NoSuchKey', `The specified key does not exist: oss://${bucket}/${key} (${action})`);
}

const resources = {
  alicloud_oss_bucket: {
    create(c, s) {
      const buckets = table(c.cloud, 'ossBuckets');
      if (buckets[s.bucket]) throw new CloudError('BucketAlreadyExists', `The requested bucket name is not available: ${s.bucket}`);
      // OSS creates a bucket private unless told otherwise (the deprecated `acl` argument).
      buckets[s.bucket] = { objects: {}, versioning: s.versioning?.[0]?.status === 'Enabled', acl: lit(s.acl) ?? 'private', blockPublicAccess: false };
      return {
        id: s.bucket,
        creation_date: '2026-01-01',
        extranet_endpoint: `oss-${c.region}.aliyuncs.com`,
        intranet_endpoint: `oss-${c.region}-internal.aliyuncs.com`,
        location: `oss-${c.region}`,
        owner: ACCOUNT,
        acl: lit(s.acl) ?? 'private',
      };
    },
    update(c, _p, s) {
      const b = table(c.cloud, 'ossBuckets')[s.bucket];
      if (b) b.versioning = s.versioning?.[0]?.status === 'Enabled';
      return {};
    },
    delete(c, s) {
      const b = table(c.cloud, 'ossBuckets')[s.bucket];
      const stored = b ? Object.values(b.objects).reduce((n, o) => n + o.versions, 0) : 0;
      if (stored > 0 && !s.force_destroy)
        throw new CloudError('BucketNotEmpty', `The bucket you tried to delete is not empty (${s.bucket}: ${stored} object versions).`);
      delete table(c.cloud, 'ossBuckets')[s.bucket];
    },
    // resourceAlicloudOssBucketRead: d.Set("acl", object.BucketInfo.ACL), whoever set it.
    read(c, s) {
      const b = table(c.cloud, 'ossBuckets')[s.bucket];
      return b ? { ...s, acl: b.acl } : s;
    },
  },
  // resource_alicloud_oss_bucket_acl.go (1.220.0+): PutBucketAcl with the x-oss-acl header; Read sets
  // acl from GetBucketAcl's Grant; Delete only logs a warning and leaves the ACL as it is.
  alicloud_oss_bucket_acl: {
    create(c, s) {
      return { id: s.bucket, ...resources.alicloud_oss_bucket_acl.update(c, null, s) };
    },
    update(c, _p, s) {
      const b = ossBucket(c, s.bucket, 'PutBucketAcl');
      // PutBucketAcl (OSS API reference): x-oss-acl is one of public-read-write, public-read, private.
      if (!['private', 'public-read', 'public-read-write'].includes(s.acl))
        throw new CloudError('InvalidArgument', `no such bucket access control exists: ${s.acl} (PutBucketAcl)`);
      b.acl = s.acl;
      return {};
    },
    delete() {},
    read(c, s) {
      const b = table(c.cloud, 'ossBuckets')[s.bucket];
      return b ? { ...s, acl: b.acl } : null;
    },
  },
  // resource_alicloud_oss_bucket_public_access_block.go (1.224.0+): PutBucketPublicAccessBlock with
  // <BlockPublicAccess>; Delete calls DeleteBucketPublicAccessBlock.
  alicloud_oss_bucket_public_access_block: {
    create(c, s) {
      return { id: s.bucket, ...resources.alicloud_oss_bucket_public_access_block.update(c, null, s) };
    },
    update(c, _p, s) {
      ossBucket(c, s.bucket, 'PutBucketPublicAccessBlock').blockPublicAccess = s.block_public_access === true;
      return {};
    },
    delete(c, s) {
      const b = table(c.cloud, 'ossBuckets')[s.bucket];
      if (b) b.blockPublicAccess = false;
    },
    read(c, s) {
      const b = ossBucket(c, s.bucket, 'GetBucketPublicAccessBlock');
      return { ...s, block_public_access: b.blockPublicAccess };
    },
  },
  alicloud_oss_bucket_object: {
    create(c, s) {
      const b = table(c.cloud, 'ossBuckets')[s.bucket];
      if (!b) throw new CloudError('NoSuchBucket', `The specified bucket does not exist: ${s.bucket}`);
      if (s.source && !fs.existsSync(s.source)) throw new Error(`open ${s.source}: no such file or directory`);
      const body = s.source ? fs.readFileSync(s.source) : Buffer.from(s.content ?? '');
      if (s.content_md5 && s.content_md5 !== crypto.createHash('md5').update(body).digest('base64'))
        throw new CloudError('InvalidDigest', `The Content-MD5 you specified is not valid (${s.key})`);
      const o = (b.objects[s.key] ??= { versions: 0 });
      o.versions += 1;
      o.current = true;
      return {
        id: s.key,
        etag: crypto.createHash('md5').update(body).digest('hex').toUpperCase(),
        content_length: String(body.length),
        version_id: b.versioning ? `v${o.versions}` : '',
        content_type: lit(s.content_type) ?? 'application/octet-stream',
      };
    },
    delete(c, s) {
      const b = table(c.cloud, 'ossBuckets')[s.bucket];
      const o = b?.objects[s.key];
      if (!o) return;
      if (b.versioning) {
        o.current = false;
        o.versions += 1;
      } else delete b.objects[s.key];
    },
  },
  alicloud_ram_role: {
    create(c, s) {
      const name = lit(s.role_name) ?? s.name;
      table(c.cloud, 'ramRoles')[name] = { policies: [] };
      return {
        id: name,
        role_name: name,
        name,
        arn: `acs:ram::${ACCOUNT}:role/${name.toLowerCase()}`,
        role_id: hash(name, 19),
        create_time: TIME,
        assume_role_policy_document: s.assume_role_policy_document,
        document: s.assume_role_policy_document,
      };
    },
    delete(c, s) {
      delete table(c.cloud, 'ramRoles')[s.id];
    },
  },
  alicloud_ram_policy: {
    create(c, s) {
      const name = lit(s.policy_name) ?? s.name;
      table(c.cloud, 'ramPolicies')[name] = { document: s.policy_document };
      return {
        id: name,
        policy_name: name,
        name,
        type: 'Custom',
        default_version: 'v1',
        version_id: 'v1',
        attachment_count: 0,
        create_time: TIME,
        document: s.policy_document,
        policy_document: s.policy_document,
        statement: [],
      };
    },
    update(c, _p, s) {
      const p = table(c.cloud, 'ramPolicies')[s.policy_name];
      if (p) p.document = s.policy_document;
      return { document: s.policy_document };
    },
    delete(c, s) {
      delete table(c.cloud, 'ramPolicies')[s.policy_name];
    },
  },
  alicloud_ram_role_policy_attachment: {
    create(c, s) {
      const role = table(c.cloud, 'ramRoles')[s.role_name];
      if (!role) throw new CloudError('EntityNotExist.Role', `The role does not exist: ${s.role_name}`);
      if (!table(c.cloud, 'ramPolicies')[s.policy_name]) throw new CloudError('EntityNotExist.Policy', `The policy does not exist: ${s.policy_name}`);
      role.policies.push(s.policy_name);
      return { id: `role:${s.policy_name}:${s.policy_type}:${s.role_name}` };
    },
  },
  alicloud_message_service_queue: {
    create(c, s) {
      const dlq = s.dlq_policy?.[0];
      if (dlq?.enabled && !table(c.cloud, 'mnsQueues')[dlq.dead_letter_target_queue])
        throw new CloudError('QueueNotExist', `The dead-letter target queue does not exist: ${dlq.dead_letter_target_queue}`);
      table(c.cloud, 'mnsQueues')[s.queue_name] = {};
      return { id: s.queue_name, create_time: 1767225600, queue_type: 'normal' };
    },
    delete(c, s) {
      delete table(c.cloud, 'mnsQueues')[s.queue_name];
    },
  },
  // resource_alicloud_cms_alarm.go: create is PutResourceMetricRule with a RuleId the provider makes
  // (resource.UniqueId()); Read unmarshals Resources (metric_dimensions) as a JSON list of dimension
  // sets, failing on anything else, and also reports them joined by key as the deprecated `dimensions`.
  alicloud_cms_alarm: {
    create(c, s) {
      const dimensions = cmsDimensions(s.metric_dimensions);
      const id = `rule-${hash(`${s.name}/${next(c.cloud, 'cmsRule')}`, 12)}`;
      table(c.cloud, 'cmsRules')[id] = { project: s.project, metric: s.metric };
      return { id, status: 'OK', dimensions };
    },
    update(_c, _p, s) {
      return { dimensions: cmsDimensions(s.metric_dimensions) };
    },
    read(c, s) {
      return table(c.cloud, 'cmsRules')[s.id] ? s : null;
    },
    delete(c, s) {
      delete table(c.cloud, 'cmsRules')[s.id];
    },
  },
  alicloud_fcv3_layer_version: {
    create(c, s) {
      const code = s.code?.[0];
      if (code?.oss_bucket_name) ossObject(c, code.oss_bucket_name, code.oss_object_name, 'CreateLayerVersion');
      const layer = (table(c.cloud, 'fcLayers')[s.layer_name] ??= { versions: {} });
      const version = String(next(c.cloud, `fclayer:${s.layer_name}`));
      layer.versions[version] = { state: 'published' };
      return {
        id: `${s.layer_name}:${version}`,
        version,
        layer_version_arn: `acs:fc:${c.region}:${ACCOUNT}:layers/${s.layer_name}/versions/${version}`,
        code_size: '1024',
        create_time: TIME,
        compatible_runtime: readRuntimes(s.compatible_runtime),
      };
    },
    read(c, s) {
      const v = table(c.cloud, 'fcLayers')[s.layer_name]?.versions[s.version];
      return v && v.state === 'published' ? { ...s, compatible_runtime: readRuntimes(s.compatible_runtime) } : null;
    },
    delete(c, s) {
      const v = table(c.cloud, 'fcLayers')[s.layer_name]?.versions[s.version];
      if (v) v.state = 'deleted';
      c.journal('delete-version', { layerVersion: s.layer_version_arn });
    },
  },
  alicloud_fcv3_function: {
    create(c, s) {
      checkFunctionInputs(c, s, 'CreateFunction');
      table(c.cloud, 'fcFunctions')[s.function_name] = { versions: {}, aliases: {}, asyncConfigs: {}, triggers: {} };
      return {
        id: s.function_name,
        function_arn: `acs:fc:${c.region}:${ACCOUNT}:functions/${s.function_name}`,
        function_id: hash(s.function_name, 36),
        code_size: 1024,
        create_time: TIME,
        last_modified_time: TIME,
        state: 'Active',
        state_reason: '',
        state_reason_code: '',
        last_update_status: 'Successful',
        last_update_status_reason: '',
        last_update_status_reason_code: '',
        tracing_config: [],
      };
    },
    update(c, _p, s) {
      fcFunction(c, s.function_name, 'UpdateFunction');
      checkFunctionInputs(c, s, 'UpdateFunction');
      return {};
    },
    // Whether FC refuses to delete a function that still has versions is not documented in the
    // material at hand; the model deletes the function with its versions and records it.
    delete(c, s) {
      const fn = table(c.cloud, 'fcFunctions')[s.function_name];
      if (fn) c.journal('delete-function', { function: s.function_name, versions: Object.keys(fn.versions) });
      delete table(c.cloud, 'fcFunctions')[s.function_name];
    },
  },
  alicloud_fcv3_function_version: {
    create(c, s) {
      const fn = fcFunction(c, s.function_name, 'PublishFunctionVersion');
      const version = String(next(c.cloud, `fcfunction:${s.function_name}`));
      fn.versions[version] = { state: 'published', description: s.description };
      c.journal('publish', { function: s.function_name, version });
      return { id: `${s.function_name}:${version}`, version_id: version, create_time: TIME, last_modified_time: TIME };
    },
    read(c, s) {
      return table(c.cloud, 'fcFunctions')[s.function_name]?.versions[s.version_id]?.state === 'published' ? s : null;
    },
    delete(c, s) {
      const fn = table(c.cloud, 'fcFunctions')[s.function_name];
      const inUse = fn && Object.entries(fn.aliases).find(([, a]) => a.version === s.version_id || Object.keys(a.weights ?? {}).includes(s.version_id));
      if (inUse) throw new CloudError('VersionInUse', `version '${s.version_id}' of function '${s.function_name}' is referenced by alias '${inUse[0]}'`);
      if (fn?.versions[s.version_id]) fn.versions[s.version_id].state = 'deleted';
      c.journal('delete-version', { function: s.function_name, version: s.version_id });
    },
  },
  alicloud_fcv3_alias: {
    create(c, s) {
      return this.update(c, null, s);
    },
    update(c, _p, s) {
      const fn = fcFunction(c, s.function_name, 'CreateAlias');
      checkQualifier(fn, s.function_name, s.version_id, 'CreateAlias');
      const weights = s.additional_version_weight ?? {};
      if (Object.keys(weights).length > 1) throw new CloudError('InvalidArgument', 'additionalVersionWeight supports at most one version');
      for (const [v, w] of Object.entries(weights)) {
        checkQualifier(fn, s.function_name, v, 'CreateAlias');
        if (v === s.version_id) throw new CloudError('InvalidArgument', `additional version '${v}' equals the alias version`);
        if (w < 0 || w > 1) throw new CloudError('InvalidArgument', `weight ${w} must be between 0 and 1`);
      }
      fn.aliases[s.alias_name] = { version: s.version_id, weights };
      return { id: `${s.function_name}:${s.alias_name}`, create_time: TIME, last_modified_time: TIME };
    },
    delete(c, s) {
      const fn = table(c.cloud, 'fcFunctions')[s.function_name];
      if (fn) delete fn.aliases[s.alias_name];
    },
  },
  // resource_alicloud_fcv3_async_invoke_config.go (v1.289.0, unchanged at HEAD 81c43b67; 1.291.0's
  // PR 10298 changes only what Create sends in destination_config). Create and Update PUT
  // /2023-03-30/functions/<name>/async-invoke-config?qualifier=<qualifier> and set id = function name;
  // Delete sends the qualifier too. Read (resourceAliCloudFcv3AsyncInvokeConfigRead) calls
  // Fcv3ServiceV2.DescribeFcv3AsyncInvokeConfig(d.Id()) (service_alicloud_fcv3_v2.go): GET
  // .../functions/<name>/async-invoke-config with an empty query, so FC answers for LATEST (the
  // qualifier's default, GetAsyncInvokeConfig 2023-03-30). AsyncConfigNotExists is "not found": an
  // error for a new resource (d.IsNewResource()), otherwise the resource leaves the state. What it
  // finds sets async_task, create_time, function_arn, last_modified_time, the two limits and
  // destination_config (each only when FC returns it) and function_name = id; qualifier is never set.
  alicloud_fcv3_async_invoke_config: {
    create(c, s) {
      return this.update(c, null, s);
    },
    update(c, _p, s) {
      const fn = fcFunction(c, s.function_name, 'PutAsyncInvokeConfig');
      checkQualifier(fn, s.function_name, s.qualifier, 'PutAsyncInvokeConfig');
      const destination = s.destination_config?.[0];
      // Up to v1.290.0 the provider always sends "onSuccess": {} (issue
      // aliyun/terraform-provider-alicloud#10031); PR 10298, merged 2026-08-26, fixed it for 1.291.0.
      if (olderThan(c.providerVersion, '1.291.0') && destination && !destination.on_success?.[0]?.destination)
        throw new CloudError('InvalidDestinationResources', "The destination resource is invalid: destination can't be empty.");
      const dest = (block) => (lit(block?.[0]?.destination) ? { destination: block[0].destination } : undefined);
      // The model keeps the whole configuration the plan asks for (Update sends only what changed;
      // whether FC merges or replaces is not documented, and the library changes both together).
      fn.asyncConfigs[lit(s.qualifier) ?? 'LATEST'] = {
        asyncTask: s.async_task ?? undefined,
        maxAsyncRetryAttempts: s.max_async_retry_attempts ?? undefined,
        maxAsyncEventAgeInSeconds: s.max_async_event_age_in_seconds > 0 ? s.max_async_event_age_in_seconds : undefined,
        destinationConfig: destination ? { onFailure: dest(destination.on_failure), onSuccess: dest(destination.on_success) } : undefined,
        functionArn: `acs:fc:${c.region}:${ACCOUNT}:functions/${s.function_name}`,
        createdTime: TIME,
        lastModifiedTime: TIME,
      };
      return { id: s.function_name };
    },
    /** @param {any} c @param {any} s @param {{ isNew?: boolean }} [how] */
    read(c, s, how = {}) {
      const { isNew } = how;
      const found = table(c.cloud, 'fcFunctions')[s.id]?.asyncConfigs.LATEST;
      if (!found) {
        if (isNew) throw new CloudError('AsyncConfigNotExists', `ResourceNotfound : The AsyncInvokeConfig ${s.id} is not found.`);
        return null;
      }
      const blocks = (d) => (d ? [{ destination: d.destination }] : []);
      return {
        ...s,
        ...(found.asyncTask !== undefined ? { async_task: found.asyncTask } : {}),
        create_time: found.createdTime,
        function_arn: found.functionArn,
        last_modified_time: found.lastModifiedTime,
        ...(found.maxAsyncEventAgeInSeconds !== undefined ? { max_async_event_age_in_seconds: found.maxAsyncEventAgeInSeconds } : {}),
        ...(found.maxAsyncRetryAttempts !== undefined ? { max_async_retry_attempts: found.maxAsyncRetryAttempts } : {}),
        ...(found.destinationConfig
          ? { destination_config: [{ on_failure: blocks(found.destinationConfig.onFailure), on_success: blocks(found.destinationConfig.onSuccess) }] }
          : {}),
        function_name: s.id,
      };
    },
    delete(c, s) {
      const fn = table(c.cloud, 'fcFunctions')[s.function_name];
      if (fn) delete fn.asyncConfigs[lit(s.qualifier) ?? 'LATEST'];
      c.journal('delete-async-config', { function: s.function_name, qualifier: lit(s.qualifier) ?? 'LATEST' });
    },
  },
  // resource_alicloud_fcv3_trigger.go: Create sends trigger_config as given; Read sets trigger_config
  // to the string FC returns (d.Set("trigger_config", objectRaw["triggerConfig"])); the only
  // tolerance is the DiffSuppressFunc compareJsonTemplateAreEquivalent (common.go): both sides
  // unmarshalled into a map and marshalled again, so key order and spacing do not count, but a key
  // FC adds does.
  alicloud_fcv3_trigger: {
    create(c, s) {
      const fn = fcFunction(c, s.function_name, 'CreateTrigger');
      checkQualifier(fn, s.function_name, s.qualifier, 'CreateTrigger');
      const id = hash(`${s.function_name}/${s.trigger_name}`, 12);
      fn.triggers[s.trigger_name] = fcTriggerConfig(s, 'CreateTrigger');
      const http =
        s.trigger_type === 'http'
          ? [
              {
                url_internet: `https://${s.function_name}-${id}.${c.region}.fcapp.run`,
                url_intranet: `https://${s.function_name}-${id}.${c.region}-vpc.fcapp.run`,
              },
            ]
          : [];
      return {
        id: `${s.function_name}:${s.trigger_name}`,
        trigger_id: id,
        create_time: TIME,
        last_modified_time: TIME,
        status: 'Enabled',
        target_arn: `acs:fc:${c.region}:${ACCOUNT}:functions/${s.function_name}`,
        http_trigger: http,
        source_arn: lit(s.source_arn) ?? '',
      };
    },
    update(c, _p, s) {
      const fn = fcFunction(c, s.function_name, 'UpdateTrigger');
      fn.triggers[s.trigger_name] = fcTriggerConfig(s, 'UpdateTrigger');
      return {};
    },
    read(c, s) {
      const trigger = table(c.cloud, 'fcFunctions')[s.function_name]?.triggers[s.trigger_name];
      if (!trigger) return null;
      return trigger.returned === undefined ? s : { ...s, trigger_config: trigger.returned };
    },
    // The DiffSuppressFunc: a planned trigger_config equal to the prior one as canonical JSON keeps the prior string.
    planUpdate(prior, proposed) {
      const same =
        typeof prior.trigger_config === 'string' &&
        typeof proposed.trigger_config === 'string' &&
        canonicalJson(prior.trigger_config) === canonicalJson(proposed.trigger_config);
      return same ? { ...proposed, trigger_config: prior.trigger_config } : proposed;
    },
    delete(c, s) {
      const fn = table(c.cloud, 'fcFunctions')[s.function_name];
      if (fn) delete fn.triggers[s.trigger_name];
    },
  },
};

/** Go's json.Marshal of an unmarshalled map: keys sorted at every level (compareJsonTemplateAreEquivalent). */
function canonicalJson(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const sort = (v) =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort(v[k])]),
          )
        : v;
  return JSON.stringify(sort(value));
}

// FC 3.0 (API 2023-03-30) documents these fields of an EventBridge trigger's triggerConfig and no
// others: EventBridgeTriggerConfig, EventSinkConfig, DeliveryOption, EventSourceConfig,
// SourceMNSParameters, RunOptions, BatchWindow, RetryStrategy and DeadLetterQueue at
// https://help.aliyun.com/zh/functioncompute/fc/developer-reference/api-fc-2023-03-30-struct-<name>
// (e.g. ...-struct-runoptions, ...-struct-deliveryoption). RunOptions has no maximumTasks and
// DeliveryOption no mode (both FC 2.0 fields; FC 2.0 marks DeliveryOption.mode deprecated). The
// reference does not say whether FC refuses or drops an unknown field; either way it does nothing,
// so the model refuses it, and a library that emits one fails here instead of being silently ignored.
const EVENTBRIDGE_FIELDS = {
  '': ['asyncInvocationType', 'eventRuleFilterPattern', 'eventSinkConfig', 'eventSourceConfig', 'runOptions', 'triggerEnable'],
  eventSinkConfig: ['deliveryOption'],
  'eventSinkConfig.deliveryOption': ['concurrency', 'eventSchema'],
  eventSourceConfig: ['eventSourceType', 'eventSourceParameters'],
  'eventSourceConfig.eventSourceParameters.sourceMNSParameters': ['RegionId', 'QueueName', 'IsBase64Decode'],
  runOptions: ['batchWindow', 'deadLetterQueue', 'errorsTolerance', 'mode', 'retryStrategy'],
  'runOptions.batchWindow': ['CountBasedWindow', 'TimeBasedWindow'],
  'runOptions.retryStrategy': ['PushRetryStrategy'],
  'runOptions.deadLetterQueue': ['Arn'],
};

/**
 * What FC keeps of a trigger's configuration and the triggerConfig string it returns. Timer: FC
 * returns "payload":"" when none was given. aliyun/terraform-provider-alicloud's FC 2.0 trigger
 * strips exactly that before comparing (delEmptyPayloadIfExist, alicloud/service_alicloud_fc.go;
 * commit a370ffb07 "fix fc/timer_trigger problem: empty payload makes repeated update"); the FC3
 * resource has no such tolerance. EventBridge: asyncInvocationType is "true: synchronous call,
 * false: asynchronous invocation, default false" (FC 3.0 EventBridgeTriggerConfig), recorded as
 * how the trigger invokes.
 */
function fcTriggerConfig(s, action) {
  const text = lit(s.trigger_config);
  if (text === undefined) return {};
  const config = JSON.parse(text);
  if (s.trigger_type === 'eventbridge') {
    for (const [where, allowed] of Object.entries(EVENTBRIDGE_FIELDS)) {
      const part = where === '' ? config : where.split('.').reduce((o, k) => o?.[k], config);
      if (!part || typeof part !== 'object') continue;
      const unknown = Object.keys(part).filter((k) => !allowed.includes(k));
      if (unknown.length > 0)
        throw new CloudError(
          'InvalidArgument',
          `triggerConfig${where ? `.${where}` : ''} has ${unknown.map((k) => `"${k}"`).join(', ')}, which FC 3.0 does not document (allowed: ${allowed.join(', ')}) (${action})`,
        );
    }
    return { invocation: config.asyncInvocationType === true ? 'sync' : 'async' };
  }
  if (s.trigger_type === 'timer') {
    const returned = { ...config, payload: config.payload ?? '' };
    return { returned: JSON.stringify(returned) };
  }
  return {};
}

/** metric_dimensions as the provider reads it back: a JSON list of maps, merged into one map of joined values. */
function cmsDimensions(json) {
  if (!lit(json)) return {};
  const list = JSON.parse(json);
  if (!Array.isArray(list)) throw new Error(`Unmarshaling Dimensions got an error: cannot unmarshal ${typeof list} into []map[string]interface{} (${json})`);
  const merged = {};
  for (const set of list) for (const [k, v] of Object.entries(set)) merged[k] = k in merged ? `${merged[k]},${v}` : v;
  return merged;
}

/** FC lists a layer version's runtimes in its own order (sorted), whatever order they were sent in. */
function readRuntimes(runtimes) {
  return Array.isArray(runtimes) ? [...runtimes].sort() : runtimes;
}

function checkFunctionInputs(c, s, action) {
  if (s.role) {
    const name = String(s.role).split('/').pop();
    if (!Object.keys(table(c.cloud, 'ramRoles')).some((r) => r.toLowerCase() === name))
      throw new CloudError('InvalidArgument', `role '${s.role}' does not exist or cannot be assumed by FC (${action})`);
  }
  const code = s.code?.[0];
  if (code?.oss_bucket_name) ossObject(c, code.oss_bucket_name, code.oss_object_name, action);
  // FC resolves a container image when the function is created or updated (the API returns
  // resolvedImageUri), pulling with the function's role: the role needs a registry token and the pull.
  const image = lit(s.custom_container_config?.[0]?.image);
  if (image) {
    const m = /^(?:registry(?:-vpc)?\.([a-z0-9-]+)\.aliyuncs\.com|[a-z0-9-]+-registry(?:-vpc)?\.([a-z0-9-]+)\.cr\.aliyuncs\.com)\/([^/]+)\/([^:@]+)/.exec(
      image,
    );
    const instance = lit(s.custom_container_config[0].acr_instance_id);
    const repository = m && `acs:cr:${m[1] ?? m[2]}:${ACCOUNT}:repository/${instance ? `${instance}/` : ''}${m[3]}/${m[4]}`;
    for (const [needed, resource] of [
      ['cr:GetAuthorizationToken', '*'],
      ['cr:PullRepository', repository],
    ]) {
      if (!roleAllows(c, s.role, needed, resource))
        throw new CloudError('AccessDenied', `the function's role may not ${needed} on ${resource}, so FC cannot pull ${image} (${action})`);
    }
  }
  for (const arn of s.layers ?? []) {
    const m = /^acs:fc:[^:]+:([^:]+):layers\/([^/]+)\/versions\/(\d+)$/.exec(arn);
    if (!m) throw new CloudError('InvalidArgument', `invalid layer ARN ${arn}`);
    if (m[1] === ACCOUNT && table(c.cloud, 'fcLayers')[m[2]]?.versions[m[3]]?.state !== 'published')
      throw new CloudError('LayerNotFound', `layer version ${arn} does not exist (${action})`);
  }
}

/** Whether a policy attached to the role (by ARN) allows the action on exactly that resource (or on "*"). */
function roleAllows(c, roleArn, action, resource) {
  const roleName = String(roleArn ?? '')
    .split('/')
    .pop();
  const role = Object.entries(table(c.cloud, 'ramRoles')).find(([name]) => name.toLowerCase() === roleName)?.[1];
  return (role?.policies ?? []).some((name) => {
    const document = table(c.cloud, 'ramPolicies')[name]?.document;
    return (
      document &&
      JSON.parse(document).Statement.some(
        (st) => st.Effect === 'Allow' && [].concat(st.Action).includes(action) && [].concat(st.Resource).some((r) => r === resource || r === '*'),
      )
    );
  });
}

const dataSources = {
  // data_source_alicloud_account.go: the id is the caller's account (connectivity AccountId()).
  alicloud_account: { read: (_c, config) => ({ ...config, id: ACCOUNT }) },
};

module.exports = { ACCOUNT, resources, dataSources };
