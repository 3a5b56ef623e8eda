'use strict';
// A small model of AWS: only what decides whether a deploy works (things that must exist before
// something names them, permissions Lambda checks at creation, what is deleted or kept) and what
// the provider reads back where that causes drift. Behaviour follows hashicorp/terraform-provider-aws
// 6.25 (files cited per resource) and the Lambda, S3, SQS and IAM API references.
const crypto = require('crypto');
const fs = require('fs');
const { CloudError, table, next } = require('./store');
const { UNKNOWN, equal } = require('./cty');

const ACCOUNT = '123456789012';
/** The value when the configuration set it, else undefined (unknown and null alike). */
const lit = (v) => (v === UNKNOWN || v === null || v === '' ? undefined : v);
const hash = (s, n = 8) => crypto.createHash('sha256').update(String(s)).digest('hex').slice(0, n);

/** "name", "arn:aws:lambda:r:a:function:name" or "…:name:qualifier" → { name, qualifier }. */
function parseFunction(ref) {
  if (ref.startsWith('arn:')) {
    const parts = ref.split(':');
    return { name: parts[6], qualifier: parts[7] };
  }
  return { name: ref };
}

function findFunction(cloud, ref, what) {
  const { name, qualifier } = parseFunction(ref);
  const fn = table(cloud, 'functions')[name];
  if (!fn) throw new CloudError('ResourceNotFoundException', `Function not found: arn:aws:lambda:${what.region}:${ACCOUNT}:function:${name} (${what.action})`);
  if (qualifier) checkQualifier(fn, qualifier, what);
  return fn;
}

function checkQualifier(fn, qualifier, what) {
  if (qualifier === '$LATEST') return;
  if (/^\d+$/.test(qualifier) ? !fn.versions[qualifier] : !fn.aliases[qualifier]) {
    throw new CloudError('ResourceNotFoundException', `Function not found: ${fn.arn}:${qualifier} (${what.action})`);
  }
}

/** Whether the role's inline policies allow the action on the resource (IAM wildcard match). */
function roleAllows(cloud, roleArn, action, resource) {
  const role = table(cloud, 'roles')[roleArn.split('/').pop()];
  if (!role) return false;
  const match = (pattern, value) =>
    new RegExp(
      `^${pattern
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    ).test(value);
  for (const doc of Object.values(role.policies)) {
    for (const s of JSON.parse(doc).Statement) {
      const actions = [].concat(s.Action);
      const resources = [].concat(s.Resource);
      if (s.Effect === 'Allow' && actions.some((a) => match(a, action)) && resources.some((r) => match(r, resource))) return true;
    }
  }
  return false;
}

function requirePermission(cloud, fn, action, resource, message) {
  if (!roleAllows(cloud, fn.role, action, resource)) throw new CloudError('InvalidParameterValueException', message);
}

function queueByArn(cloud, arn) {
  return Object.values(table(cloud, 'queues')).find((q) => q.arn === arn);
}

/** The Lambda settings whose change publishes a new version (function.go, needsFunctionConfigUpdate / needsFunctionCodeUpdate). */
const PUBLISHING = [
  'description',
  'handler',
  'file_system_config',
  'image_config',
  'logging_config',
  'memory_size',
  'role',
  'timeout',
  'kms_key_arn',
  'layers',
  'dead_letter_config',
  'snap_start',
  'tracing_config',
  'vpc_config',
  'runtime',
  'environment',
  'ephemeral_storage',
  'filename',
  'source_code_hash',
  's3_bucket',
  's3_key',
  's3_object_version',
  'image_uri',
  'architectures',
  'publish',
];

const resources = {
  aws_s3_bucket: {
    create(c, s) {
      const name = lit(s.bucket) ?? `${lit(s.bucket_prefix) ?? 'terraform-'}${hash(`bucket-${next(c.cloud, 'bucket')}-${c.stackDir}`, 26)}`;
      const buckets = table(c.cloud, 'buckets');
      if (buckets[name]) throw new CloudError('BucketAlreadyExists', `bucket ${name} exists`);
      buckets[name] = { objects: {}, versioning: false };
      return {
        id: name,
        bucket: name,
        arn: `arn:aws:s3:::${name}`,
        bucket_domain_name: `${name}.s3.amazonaws.com`,
        bucket_regional_domain_name: `${name}.s3.${c.region}.amazonaws.com`,
        region: c.region,
        hosted_zone_id: 'Z1BKCTXD74EZPE',
      };
    },
    delete(c, s) {
      const bucket = table(c.cloud, 'buckets')[s.bucket];
      const stored = bucket ? Object.values(bucket.objects).reduce((n, o) => n + o.versions, 0) : 0;
      if (stored > 0 && !s.force_destroy)
        throw new CloudError(
          'BucketNotEmpty',
          `The bucket you tried to delete is not empty (${s.bucket}: ${stored} object versions). You must delete all versions in the bucket.`,
        );
      delete table(c.cloud, 'buckets')[s.bucket];
    },
  },
  aws_s3_object: {
    create(c, s) {
      const bucket = table(c.cloud, 'buckets')[s.bucket];
      if (!bucket) throw new CloudError('NoSuchBucket', `The specified bucket does not exist: ${s.bucket}`);
      if (s.source && !fs.existsSync(s.source)) throw new Error(`opening S3 object source (${s.source}): no such file`);
      const body = s.source ? fs.readFileSync(s.source) : Buffer.from(s.content ?? '');
      const object = (bucket.objects[s.key] ??= { versions: 0 });
      object.versions += 1;
      object.current = true;
      return {
        id: s.key,
        etag: crypto.createHash('md5').update(body).digest('hex'),
        version_id: bucket.versioning ? `v${object.versions}` : null,
        arn: `arn:aws:s3:::${s.bucket}/${s.key}`,
        content_type: lit(s.content_type) ?? 'application/octet-stream',
      };
    },
    delete(c, s) {
      const bucket = table(c.cloud, 'buckets')[s.bucket];
      const object = bucket?.objects[s.key];
      if (!object) return;
      // A versioned bucket keeps the object's versions behind a delete marker.
      if (bucket.versioning) {
        object.current = false;
        object.versions += 1;
      } else delete bucket.objects[s.key];
    },
  },
  aws_s3_bucket_versioning: {
    create(c, s) {
      const bucket = table(c.cloud, 'buckets')[s.bucket];
      if (!bucket) throw new CloudError('NoSuchBucket', `The specified bucket does not exist: ${s.bucket}`);
      bucket.versioning = s.versioning_configuration?.[0]?.status === 'Enabled';
      return { id: s.bucket };
    },
  },
  ...Object.fromEntries(
    [
      'aws_s3_bucket_public_access_block',
      'aws_s3_bucket_ownership_controls',
      'aws_s3_bucket_server_side_encryption_configuration',
      'aws_s3_bucket_lifecycle_configuration',
    ].map((type) => [
      type,
      {
        create(c, s) {
          if (!table(c.cloud, 'buckets')[s.bucket]) throw new CloudError('NoSuchBucket', `The specified bucket does not exist: ${s.bucket}`);
          return { id: s.bucket };
        },
      },
    ]),
  ),
  aws_iam_role: {
    create(c, s) {
      const name = lit(s.name) ?? `${lit(s.name_prefix) ?? 'terraform-'}${hash(`role-${next(c.cloud, 'role')}-${c.stackDir}`, 26)}`;
      table(c.cloud, 'roles')[name] = { policies: {}, trust: lit(s.assume_role_policy) };
      return {
        id: name,
        name,
        arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
        unique_id: `AROA${hash(name, 17).toUpperCase()}`,
        create_date: '2026-01-01T00:00:00Z',
      };
    },
    delete(c, s) {
      delete table(c.cloud, 'roles')[s.name];
    },
  },
  aws_iam_role_policy: {
    create(c, s) {
      return this.update(c, null, s);
    },
    update(c, _p, s) {
      const role = table(c.cloud, 'roles')[s.role];
      if (!role) throw new CloudError('NoSuchEntity', `The role with name ${s.role} cannot be found.`);
      const doc = JSON.parse(s.policy);
      for (const st of doc.Statement) {
        for (const r of [].concat(st.Resource)) {
          if (typeof r !== 'string' || !(r === '*' || r.startsWith('arn:')))
            throw new CloudError('MalformedPolicyDocument', `Resource ${r} must be in ARN format or "*".`);
        }
      }
      const name = lit(s.name) ?? `terraform-${next(c.cloud, 'policy')}`;
      role.policies[name] = s.policy;
      return { id: `${s.role}:${name}`, name };
    },
    delete(c, s) {
      const role = table(c.cloud, 'roles')[s.role];
      if (role) delete role.policies[s.name];
    },
  },
  aws_cloudwatch_log_group: {
    // The provider strips the ":*" suffix DescribeLogGroups returns (internal/service/logs/group.go, trimLogGroupARNWildcardSuffix).
    create(c, s) {
      table(c.cloud, 'logGroups')[s.name] = {};
      return { id: s.name, arn: `arn:aws:logs:${c.region}:${ACCOUNT}:log-group:${s.name}` };
    },
    delete(c, s) {
      delete table(c.cloud, 'logGroups')[s.name];
    },
  },
  aws_cloudwatch_metric_alarm: {
    create(c, s) {
      return { id: s.alarm_name, arn: `arn:aws:cloudwatch:${c.region}:${ACCOUNT}:alarm:${s.alarm_name}` };
    },
  },
  aws_sqs_queue: {
    create(c, s) {
      const name = lit(s.name) ?? `${lit(s.name_prefix) ?? 'terraform-'}${hash(`queue-${next(c.cloud, 'queue')}-${c.stackDir}`, 26)}`;
      if (lit(s.redrive_policy)) {
        const target = JSON.parse(s.redrive_policy).deadLetterTargetArn;
        if (!queueByArn(c.cloud, target))
          throw new CloudError(
            'AWS.SimpleQueueService.NonExistentQueue',
            `Value ${target} for parameter RedrivePolicy is invalid. Reason: Dead-letter target does not exist.`,
          );
      }
      const arn = `arn:aws:sqs:${c.region}:${ACCOUNT}:${name}`;
      const url = `https://sqs.${c.region}.amazonaws.com/${ACCOUNT}/${name}`;
      table(c.cloud, 'queues')[name] = { arn, url, visibility: lit(s.visibility_timeout_seconds) ?? 30 };
      return { id: url, name, arn, url };
    },
    delete(c, s) {
      delete table(c.cloud, 'queues')[s.name];
    },
  },
  aws_lambda_layer_version: {
    create(c, s) {
      const bucket = table(c.cloud, 'buckets')[s.s3_bucket];
      if (s.s3_bucket && !bucket?.objects[s.s3_key]?.current)
        throw new CloudError(
          'InvalidParameterValueException',
          `Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist. (${s.s3_bucket}/${s.s3_key})`,
        );
      const layer = (table(c.cloud, 'layers')[s.layer_name] ??= { versions: {} });
      const version = String(next(c.cloud, `layer:${s.layer_name}`));
      const layerArn = `arn:aws:lambda:${c.region}:${ACCOUNT}:layer:${s.layer_name}`;
      layer.versions[version] = { state: 'published', compatibleArchitectures: s.compatible_architectures ?? [] };
      return {
        id: `${layerArn}:${version}`,
        arn: `${layerArn}:${version}`,
        layer_arn: layerArn,
        version,
        created_date: '2026-01-01T00:00:00.000+0000',
        source_code_size: 1024,
        code_sha256: s.source_code_hash,
        source_code_hash: s.source_code_hash === UNKNOWN ? 'sha' : s.source_code_hash,
        signing_job_arn: '',
        signing_profile_version_arn: '',
      };
    },
    // internal/service/lambda/layer_version.go: with skip_destroy the version stays published.
    delete(c, s) {
      const v = table(c.cloud, 'layers')[s.layer_name]?.versions[s.version];
      if (s.skip_destroy) {
        c.journal('keep', { layerVersion: s.arn });
        return;
      }
      if (v) v.state = 'deleted';
      c.journal('delete-version', { layerVersion: s.arn });
    },
  },
  aws_lambda_function: {
    create(c, s) {
      const name = s.function_name;
      if (!table(c.cloud, 'roles')[String(s.role).split('/').pop()])
        throw new CloudError('InvalidParameterValueException', `The role defined for the function cannot be assumed by Lambda. (${s.role})`);
      checkCode(c, s);
      checkVpcAccess(c, s);
      checkEnvironmentKey(s);
      const arn = `arn:aws:lambda:${c.region}:${ACCOUNT}:function:${name}`;
      table(c.cloud, 'functions')[name] = { arn, role: s.role, timeout: lit(s.timeout) ?? 3, versions: {}, aliases: {}, invokeConfigs: {}, published: null };
      return { ...publish(c, name, s, null), ...functionComputed(c, arn, s) };
    },
    update(c, prior, s) {
      const fn = table(c.cloud, 'functions')[s.function_name];
      if (!fn) throw new CloudError('ResourceNotFoundException', `Function not found: ${s.function_name}`);
      checkCode(c, s);
      checkVpcAccess(c, s);
      checkEnvironmentKey(s);
      fn.role = s.role;
      fn.timeout = lit(s.timeout) ?? 3;
      return { ...publish(c, s.function_name, s, prior), ...functionComputed(c, fn.arn, s) };
    },
    delete(c, s) {
      const fn = table(c.cloud, 'functions')[s.function_name];
      if (fn) c.journal('delete-function', { function: s.function_name, versions: Object.keys(fn.versions) });
      delete table(c.cloud, 'functions')[s.function_name];
    },
    planUpdate(prior, planned) {
      if (!planned.publish) return planned;
      if (!PUBLISHING.some((k) => !equal(prior[k], planned[k]))) return planned;
      const code = ['filename', 'source_code_hash', 's3_bucket', 's3_key', 's3_object_version', 'image_uri', 'architectures'].some(
        (k) => !equal(prior[k], planned[k]),
      );
      return {
        ...planned,
        version: UNKNOWN,
        qualified_arn: UNKNOWN,
        qualified_invoke_arn: UNKNOWN,
        last_modified: UNKNOWN,
        ...(code ? { code_sha256: UNKNOWN, source_code_size: UNKNOWN } : {}),
      };
    },
  },
  aws_lambda_alias: {
    create(c, s) {
      return this.update(c, null, s);
    },
    update(c, _prior, s) {
      const fn = findFunction(c.cloud, s.function_name, { region: c.region, action: 'CreateAlias' });
      checkQualifier(fn, s.function_version, { action: 'CreateAlias' });
      const weights = s.routing_config?.[0]?.additional_version_weights ?? {};
      const extra = Object.keys(weights);
      if (extra.length > 1) throw new CloudError('InvalidParameterValueException', 'Number of items in AdditionalVersionWeights must be at most 1.');
      for (const v of extra) {
        if (!fn.versions[v]) throw new CloudError('ResourceNotFoundException', `Function not found: ${fn.arn}:${v}`);
        if (v === s.function_version)
          throw new CloudError('InvalidParameterValueException', `Version ${v} cannot be both the primary version and an additional version.`);
        if (weights[v] < 0 || weights[v] > 1) throw new CloudError('ValidationException', `weight ${weights[v]} must be between 0.0 and 1.0`);
      }
      fn.aliases[s.name] = { version: s.function_version, weights };
      const arn = `${fn.arn}:${s.name}`;
      return readAlias({ ...s, id: arn, arn, invoke_arn: `arn:aws:apigateway:${c.region}:lambda:path/2015-03-31/functions/${arn}/invocations` }, fn);
    },
    delete(c, s) {
      const fn = table(c.cloud, 'functions')[parseFunction(s.function_name).name];
      if (fn) delete fn.aliases[s.name];
    },
    read(c, s) {
      const fn = table(c.cloud, 'functions')[parseFunction(s.function_name).name];
      return fn && fn.aliases[s.name] ? readAlias(s, fn) : null;
    },
  },
  aws_lambda_function_event_invoke_config: {
    create(c, s) {
      const fn = findFunction(c.cloud, s.function_name, { region: c.region, action: 'PutFunctionEventInvokeConfig' });
      const qualifier = s.qualifier || '$LATEST';
      checkQualifier(fn, qualifier, { action: 'PutFunctionEventInvokeConfig' });
      if (fn.invokeConfigs[qualifier]) throw new CloudError('ResourceConflictException', `An event invoke config already exists for ${fn.arn}:${qualifier}`);
      return this.update(c, null, s);
    },
    update(c, _prior, s) {
      const fn = findFunction(c.cloud, s.function_name, { region: c.region, action: 'PutFunctionEventInvokeConfig' });
      for (const side of ['on_failure', 'on_success']) {
        const destination = s.destination_config?.[0]?.[side]?.[0]?.destination;
        if (!destination) continue;
        const [action, what] = destination.includes(':sqs:')
          ? ['sqs:SendMessage', 'SendMessage']
          : destination.includes(':lambda:')
            ? ['lambda:InvokeFunction', 'InvokeFunction']
            : ['sns:Publish', 'Publish'];
        if (destination.includes(':sqs:') && !queueByArn(c.cloud, destination))
          throw new CloudError('InvalidParameterValueException', `The destination ARN ${destination} is invalid.`);
        requirePermission(c.cloud, fn, action, destination, `The function's execution role does not have permissions to call ${what} on ${destination}`);
      }
      const qualifier = s.qualifier || '$LATEST';
      fn.invokeConfigs[qualifier] = true;
      return { id: s.qualifier ? `${parseFunction(s.function_name).name}:${s.qualifier}` : parseFunction(s.function_name).name };
    },
    delete(c, s) {
      const fn = table(c.cloud, 'functions')[parseFunction(s.function_name).name];
      if (fn) delete fn.invokeConfigs[s.qualifier || '$LATEST'];
    },
  },
  aws_lambda_event_source_mapping: {
    create(c, s) {
      const fn = findFunction(c.cloud, s.function_name, { region: c.region, action: 'CreateEventSourceMapping' });
      const queue = queueByArn(c.cloud, s.event_source_arn);
      if (!queue)
        throw new CloudError(
          'InvalidParameterValueException',
          `Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue (${s.event_source_arn})`,
        );
      for (const a of ['ReceiveMessage', 'DeleteMessage', 'GetQueueAttributes']) {
        requirePermission(c.cloud, fn, `sqs:${a}`, s.event_source_arn, `The provided execution role does not have permissions to call ${a} on SQS`);
      }
      // Lambda's answer (hashicorp/terraform-provider-aws issue 18099).
      if (queue.visibility !== undefined && queue.visibility < (fn.timeout ?? 3))
        throw new CloudError(
          'InvalidParameterValueException',
          `Queue visibility timeout: ${queue.visibility} seconds is less than Function timeout: ${fn.timeout} seconds`,
        );
      const uuid = `${hash(`esm-${next(c.cloud, 'esm')}`, 8)}-0000-4000-8000-${hash(s.event_source_arn, 12)}`;
      return {
        id: uuid,
        uuid,
        function_arn: s.function_name.startsWith('arn:') ? s.function_name : fn.arn,
        state: 'Enabled',
        state_transition_reason: 'USER_INITIATED',
        last_modified: '2026-01-01T00:00:00Z',
        last_processing_result: '',
        arn: `arn:aws:lambda:${c.region}:${ACCOUNT}:event-source-mapping:${uuid}`,
      };
    },
  },
  aws_lambda_function_url: {
    create(c, s) {
      const fn = findFunction(c.cloud, s.function_name, { region: c.region, action: 'CreateFunctionUrlConfig' });
      if (s.qualifier) checkQualifier(fn, s.qualifier, { action: 'CreateFunctionUrlConfig' });
      (fn.urls ??= {})[s.qualifier || ''] = { authType: s.authorization_type };
      // function_url.go (resourceFunctionURLCreate): with NONE the provider itself adds the statement
      // FunctionURLAllowPublicAccess (lambda:InvokeFunctionUrl for "*", FunctionUrlAuthType NONE) and
      // tolerates it existing; nothing else.
      if (s.authorization_type === 'NONE') {
        addStatement(
          fn,
          s.qualifier,
          'FunctionURLAllowPublicAccess',
          { action: 'lambda:InvokeFunctionUrl', principal: '*', function_url_auth_type: 'NONE' },
          true,
        );
      }
      const id = hash(`${fn.arn}:${s.qualifier ?? ''}`, 32);
      return {
        id: s.qualifier ? `${s.function_name}/${s.qualifier}` : s.function_name,
        function_arn: fn.arn,
        function_url: `https://${id}.lambda-url.${c.region}.on.aws/`,
        url_id: id,
      };
    },
  },
  aws_lambda_permission: {
    create(c, s) {
      const fn = findFunction(c.cloud, s.function_name, { region: c.region, action: 'AddPermission' });
      if (s.qualifier) checkQualifier(fn, s.qualifier, { action: 'AddPermission' });
      const sid = lit(s.statement_id) ?? `terraform-${next(c.cloud, 'sid')}`;
      addStatement(fn, s.qualifier, sid, {
        action: s.action,
        principal: s.principal,
        function_url_auth_type: lit(s.function_url_auth_type),
        // Only hashicorp/aws ≥ 6.66 (of the versions served) has the argument (schema/aws-6.66.0.json).
        invoked_via_function_url: s.invoked_via_function_url === true ? true : undefined,
        source_arn: lit(s.source_arn),
        source_account: lit(s.source_account),
      });
      return { id: sid, statement_id: sid };
    },
    delete(c, s) {
      const fn = table(c.cloud, 'functions')[parseFunction(s.function_name).name];
      if (fn?.policy?.[s.qualifier || '']) delete fn.policy[s.qualifier || ''][s.statement_id];
    },
  },
  // EventBridge Scheduler checks at CreateSchedule that it may assume the role (its ValidationException,
  // quoted in aws/aws-sdk-js-v3 issue 6494; the trust policy
  // names scheduler.amazonaws.com); the invoke itself happens later, with the role's permissions.
  aws_scheduler_schedule: {
    create(c, s) {
      return this.update(c, null, s);
    },
    update(c, _p, s) {
      const target = s.target?.[0];
      const roleName = String(target?.role_arn ?? '')
        .split('/')
        .pop();
      const role = table(c.cloud, 'roles')[roleName];
      if (!role || !schedulerMayAssume(role.trust))
        throw new CloudError(
          'ValidationException',
          `The execution role you provide must allow AWS EventBridge Scheduler to assume the role. (${target?.role_arn})`,
        );
      if (String(target.arn).includes(':lambda:')) findFunction(c.cloud, target.arn, { region: c.region, action: 'CreateSchedule' });
      const name = lit(s.name) ?? `${lit(s.name_prefix) ?? 'terraform-'}${hash(`schedule-${next(c.cloud, 'schedule')}`, 26)}`;
      const group = lit(s.group_name) ?? 'default';
      return {
        id: `${group}/${name}`,
        name,
        group_name: group,
        name_prefix: lit(s.name_prefix) ?? '',
        arn: `arn:aws:scheduler:${c.region}:${ACCOUNT}:schedule/${group}/${name}`,
        action_after_completion: lit(s.action_after_completion) ?? 'NONE',
      };
    },
  },
  aws_lambda_provisioned_concurrency_config: {
    create(c, s) {
      const fn = findFunction(c.cloud, s.function_name, { region: c.region, action: 'PutProvisionedConcurrencyConfig' });
      if (s.qualifier === '$LATEST') throw new CloudError('InvalidParameterValueException', 'Provisioned concurrency cannot be configured on $LATEST');
      checkQualifier(fn, s.qualifier, { action: 'PutProvisionedConcurrencyConfig' });
      // Lambda's answer for an alias that splits traffic (hashicorp/terraform issue 24957).
      if (Object.keys(fn.aliases[s.qualifier]?.weights ?? {}).length > 0)
        throw new CloudError('InvalidParameterValueException', 'Alias with weights can not be used with Provisioned Concurrency');
      return { id: `${parseFunction(s.function_name).name},${s.qualifier}` };
    },
    update(c, _p, s) {
      return this.create(c, s);
    },
  },
};

function checkCode(c, s) {
  if (s.s3_bucket) {
    const object = table(c.cloud, 'buckets')[s.s3_bucket]?.objects[s.s3_key];
    if (!object?.current)
      throw new CloudError('InvalidParameterValueException', `Error occurred while GetObject. S3 Error Code: NoSuchKey. (${s.s3_bucket}/${s.s3_key})`);
  }
  for (const arn of s.layers ?? []) {
    const [, , , , , , name, version] = arn.split(':');
    const known = table(c.cloud, 'layers')[name]?.versions[version];
    // Layers of other accounts are outside the model; ours must still be published.
    if (arn.split(':')[4] === ACCOUNT && (!known || known.state !== 'published')) {
      throw new CloudError('InvalidParameterValueException', `Layer version ${arn} does not exist.`);
    }
    const arch = s.architectures?.[0] ?? 'x86_64';
    if (known && known.compatibleArchitectures.length > 0 && !known.compatibleArchitectures.includes(arch)) {
      throw new CloudError('InvalidParameterValueException', `Layer version ${arn} is not compatible with architecture ${arch}.`);
    }
  }
}

/**
 * Whether EventBridge Scheduler may assume a role of this account: a trust statement allowing
 * sts:AssumeRole to scheduler.amazonaws.com whose conditions, if any, hold for a schedule of this
 * account (aws:SourceAccount; the Scheduler user guide, "Set up the execution role", conditions the
 * trust on it against the confused deputy).
 */
function schedulerMayAssume(trust) {
  let doc;
  try {
    doc = JSON.parse(trust ?? '');
  } catch {
    return false;
  }
  return [].concat(doc.Statement ?? []).some((st) => {
    if (st.Effect !== 'Allow' || ![].concat(st.Principal?.Service ?? []).includes('scheduler.amazonaws.com')) return false;
    const account = st.Condition?.StringEquals?.['aws:SourceAccount'];
    return account === undefined || [].concat(account).includes(ACCOUNT);
  });
}

/** AddPermission: one statement per id in the resource policy of the function or its qualifier. */
function addStatement(fn, qualifier, sid, statement, tolerateExisting = false) {
  const policy = ((fn.policy ??= {})[qualifier || ''] ??= {});
  if (policy[sid] && !tolerateExisting)
    throw new CloudError(
      'ResourceConflictException',
      `The statement id (${sid}) provided already exists. Please provide a new statement id, or remove the existing statement.`,
    );
  policy[sid] = Object.fromEntries(Object.entries(statement).filter(([, v]) => v !== undefined));
}

/**
 * What an anonymous request to a function URL gets, from the resource policy of the URL's
 * qualifier. Since October 2025 a new function URL needs both lambda:InvokeFunctionUrl and
 * lambda:InvokeFunction (AWS Lambda developer guide, "Control access to Lambda function URLs"); for
 * auth type NONE: InvokeFunctionUrl for "*" with FunctionUrlAuthType NONE, and InvokeFunction for
 * "*" (the guide's statement limits it with lambda:InvokedViaFunctionUrl, which the provider's
 * invoked_via_function_url sets). Without both the URL answers 403 Forbidden. IAM-signed requests
 * are outside the model.
 */
function functionUrlAnswer(cloud, functionName, qualifier) {
  const fn = table(cloud, 'functions')[functionName];
  const url = fn?.urls?.[qualifier || ''];
  if (!url) return 404;
  if (url.authType !== 'NONE') return 403;
  const statements = Object.values(fn.policy?.[qualifier || ''] ?? {}).filter((st) => st.principal === '*' && !st.source_arn && !st.source_account);
  const urlAllowed = statements.some((st) => st.action === 'lambda:InvokeFunctionUrl' && st.function_url_auth_type === 'NONE');
  const invokeAllowed = statements.some((st) => st.action === 'lambda:InvokeFunction');
  return urlAllowed && invokeAllowed ? 200 : 403;
}

/** Publishes a version when the function publishes and something that counts changed. */
function publish(c, name, s, prior) {
  const fn = table(c.cloud, 'functions')[name];
  const changed = !prior || PUBLISHING.some((k) => !equal(prior[k], s[k]));
  let version = prior ? prior.version : '$LATEST';
  if (s.publish && changed) {
    version = String(next(c.cloud, `function:${name}`));
    fn.versions[version] = { layers: s.layers ?? [] };
    c.journal('publish', { function: name, version });
  }
  return {
    version,
    qualified_arn: `${fn.arn}:${version}`,
    qualified_invoke_arn: `arn:aws:apigateway:${c.region}:lambda:path/2015-03-31/functions/${fn.arn}:${version}/invocations`,
    last_modified: `2026-01-01T00:00:${String(next(c.cloud, 'clock') % 60).padStart(2, '0')}.000+0000`,
  };
}

/**
 * Lambda sets up a function's environment key with KMS CreateGrant, which takes a key ID or key ARN
 * only: an alias ARN fails the create or update (Lambda's answer quoted in hashicorp/terraform issue
 * 20813; the KMS API reference of CreateGrant names a key ID or key ARN as KeyId).
 */
function checkEnvironmentKey(s) {
  if (/^arn:[^:]+:kms:[^:]*:\d*:alias\//.test(lit(s.kms_key_arn) ?? '')) {
    throw new CloudError(
      'InvalidParameterValueException',
      'Lambda was unable to configure access to your environment variables because the KMS key is invalid for CreateGrant. Please check your KMS key settings. KMS Exception: InvalidArnException KMS Message: Key Aliases are not supported for this operation.',
    );
  }
}

/**
 * CreateFunction / UpdateFunctionConfiguration of a VPC function check that the execution role may
 * manage network interfaces ("The provided execution role does not have permissions to call
 * CreateNetworkInterface on EC2", InvalidParameterValueException).
 */
function checkVpcAccess(c, s) {
  if (!s.vpc_config?.[0]?.subnet_ids?.length) return;
  for (const action of ['CreateNetworkInterface', 'DescribeNetworkInterfaces', 'DeleteNetworkInterface']) {
    requirePermission(c.cloud, { role: s.role }, `ec2:${action}`, '*', `The provided execution role does not have permissions to call ${action} on EC2`);
  }
}

function functionComputed(c, arn, s) {
  const vpc = s.vpc_config?.[0];
  return {
    ...(vpc ? { vpc_config: [{ ...vpc, vpc_id: vpc.subnet_ids?.length ? `vpc-${hash(vpc.subnet_ids[0], 17)}` : '' }] } : {}),
    id: s.function_name,
    arn,
    invoke_arn: `arn:aws:apigateway:${c.region}:lambda:path/2015-03-31/functions/${arn}/invocations`,
    source_code_size: 1024,
    code_sha256: typeof s.source_code_hash === 'string' ? s.source_code_hash : hash(s.image_uri ?? s.s3_key ?? '', 44),
    signing_job_arn: '',
    signing_profile_version_arn: '',
  };
}

/** GetAlias returns no RoutingConfig when there are no extra versions (alias.go, flattenAliasRoutingConfiguration). */
function readAlias(s, fn) {
  const stored = fn.aliases[s.name];
  const weights = stored.weights ?? {};
  return { ...s, function_version: stored.version, routing_config: Object.keys(weights).length > 0 ? [{ additional_version_weights: weights }] : [] };
}

/**
 * The account's KMS aliases are outside the model: every alias name resolves to a key whose ID is
 * derived from it, except names under "alias/missing", which do not exist.
 */
function findKmsAlias(region, name) {
  if (name.startsWith('alias/missing')) return null;
  const h = hash(`kms-${name}`, 32);
  const keyId = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  return { aliasArn: `arn:aws:kms:${region}:${ACCOUNT}:${name}`, keyId, keyArn: `arn:aws:kms:${region}:${ACCOUNT}:key/${keyId}` };
}

const dataSources = {
  // internal/service/sts/caller_identity_data_source.go: the account, ARN and user ID of the credentials.
  aws_caller_identity: {
    read: (_c, config) => ({ ...config, id: ACCOUNT, account_id: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/deployer`, user_id: 'AIDASIMULATED' }),
  },
  // internal/service/kms/alias_data_source.go: `name` must be "alias/…" (validNameForDataSource); the
  // read finds the alias in the provider's (or `region`'s) account and region, then DescribeKey gives
  // target_key_arn / target_key_id; id and arn are the alias ARN.
  aws_kms_alias: {
    read(c, config) {
      if (!/^alias\/[0-9A-Za-z_/-]+$/.test(config.name ?? ''))
        throw new Error(`"name" must begin with 'alias/' and be comprised of only [0-9A-Za-z_/-] (${config.name})`);
      const region = lit(config.region) ?? c.region;
      const alias = findKmsAlias(region, config.name);
      if (!alias) throw new CloudError('NotFoundException', `reading KMS Alias (${config.name}): couldn't find resource`);
      return { ...config, id: alias.aliasArn, arn: alias.aliasArn, region, target_key_arn: alias.keyArn, target_key_id: alias.keyId };
    },
  },
};

module.exports = { ACCOUNT, resources, dataSources, functionUrlAnswer, providerBlock: require('./aws-provider-block') };
