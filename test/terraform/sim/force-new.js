'use strict';
// Which attribute changes make the provider replace an object (SDK `ForceNew: true`), by resource
// type. The schema dumps carry no ForceNew flag, so it is taken from the providers' source:
// - hashicorp/terraform-provider-aws (v6.25.0 line), files named per entry, `internal/service/...`;
// - aliyun/terraform-provider-alicloud tag v1.289.0, `alicloud/resource_alicloud_<type>.go`
//   (the same flags are tabulated in ../shared/reference/alicloud-schema-notes.md, column "force-new").
// A path "a.b" means attribute b inside block a (any element).
const AWS = {
  aws_cloudwatch_log_group: { source: 'internal/service/logs/group.go', paths: ['name', 'name_prefix', 'log_group_class'] },
  aws_cloudwatch_metric_alarm: { source: 'internal/service/cloudwatch/metric_alarm.go', paths: ['alarm_name'] },
  aws_iam_role: { source: 'internal/service/iam/role.go', paths: ['name', 'name_prefix', 'path'] },
  aws_iam_role_policy: { source: 'internal/service/iam/role_policy.go', paths: ['name', 'name_prefix', 'role'] },
  aws_iam_role_policy_attachment: { source: 'internal/service/iam/role_policy_attachment.go', paths: ['role', 'policy_arn'] },
  aws_lambda_alias: { source: 'internal/service/lambda/alias.go', paths: ['function_name', 'name'] },
  aws_lambda_event_source_mapping: {
    source: 'internal/service/lambda/event_source_mapping.go',
    paths: ['event_source_arn', 'starting_position', 'starting_position_timestamp', 'topics', 'queues', 'self_managed_event_source'],
  },
  aws_lambda_function: { source: 'internal/service/lambda/function.go', paths: ['function_name', 'package_type', 'tenancy_config'] },
  aws_lambda_function_event_invoke_config: { source: 'internal/service/lambda/function_event_invoke_config.go', paths: ['function_name', 'qualifier'] },
  aws_lambda_function_url: { source: 'internal/service/lambda/function_url.go', paths: ['function_name', 'qualifier'] },
  aws_lambda_layer_version: {
    source: 'internal/service/lambda/layer_version.go',
    paths: [
      'compatible_architectures',
      'compatible_runtimes',
      'description',
      'filename',
      'layer_name',
      'license_info',
      's3_bucket',
      's3_key',
      's3_object_version',
      'source_code_hash',
    ],
  },
  aws_lambda_permission: {
    source: 'internal/service/lambda/permission.go',
    paths: [
      'action',
      'event_source_token',
      'function_name',
      'function_url_auth_type',
      'principal',
      'principal_org_id',
      'qualifier',
      'source_account',
      'source_arn',
      'statement_id',
      'statement_id_prefix',
    ],
  },
  aws_lambda_provisioned_concurrency_config: { source: 'internal/service/lambda/provisioned_concurrency_config.go', paths: ['function_name', 'qualifier'] },
  aws_scheduler_schedule: { source: 'internal/service/scheduler/schedule.go', paths: ['group_name', 'name', 'name_prefix'] },
  aws_s3_bucket: { source: 'internal/service/s3/bucket.go', paths: ['bucket', 'bucket_prefix', 'object_lock_enabled'] },
  aws_s3_bucket_lifecycle_configuration: { source: 'internal/service/s3/bucket_lifecycle_configuration.go', paths: ['bucket', 'expected_bucket_owner'] },
  aws_s3_bucket_ownership_controls: { source: 'internal/service/s3/bucket_ownership_controls.go', paths: ['bucket'] },
  aws_s3_bucket_public_access_block: { source: 'internal/service/s3/bucket_public_access_block.go', paths: ['bucket'] },
  aws_s3_bucket_server_side_encryption_configuration: {
    source: 'internal/service/s3/bucket_server_side_encryption_configuration.go',
    paths: ['bucket', 'expected_bucket_owner'],
  },
  aws_s3_bucket_versioning: { source: 'internal/service/s3/bucket_versioning.go', paths: ['bucket', 'expected_bucket_owner', 'mfa'] },
  aws_s3_object: { source: 'internal/service/s3/object.go', paths: ['bucket', 'key'] },
  aws_sqs_queue: { source: 'internal/service/sqs/queue.go', paths: ['fifo_queue', 'name', 'name_prefix'] },
  aws_sqs_queue_policy: { source: 'internal/service/sqs/queue_policy.go', paths: ['queue_url'] },
};

const ALICLOUD = {
  alicloud_cms_alarm: { paths: ['project', 'metric'] },
  alicloud_fcv3_alias: { paths: ['alias_name', 'function_name'] },
  alicloud_fcv3_async_invoke_config: { paths: ['function_name'] },
  alicloud_fcv3_concurrency_config: { paths: ['function_name'] },
  alicloud_fcv3_function: { paths: ['function_name', 'idle_timeout'] },
  alicloud_fcv3_function_version: { paths: ['description', 'function_name'] },
  alicloud_fcv3_layer_version: { paths: ['code', 'compatible_runtime', 'description', 'layer_name', 'license', 'public'] },
  alicloud_fcv3_provision_config: { paths: ['function_name'] },
  alicloud_fcv3_trigger: { paths: ['function_name', 'qualifier', 'source_arn', 'trigger_name', 'trigger_type'] },
  alicloud_message_service_queue: { paths: ['queue_name', 'queue_type'] },
  alicloud_oss_bucket: { paths: ['bucket', 'redundancy_type', 'storage_class'] },
  alicloud_oss_bucket_object: { paths: ['bucket', 'key'] },
  // resource_alicloud_oss_bucket_acl.go / _public_access_block.go: bucket is Required, ForceNew.
  alicloud_oss_bucket_acl: { paths: ['bucket'] },
  alicloud_oss_bucket_public_access_block: { paths: ['bucket'] },
  alicloud_ram_policy: { paths: ['policy_name', 'name'] },
  alicloud_ram_role: { paths: ['role_name', 'name'] },
  alicloud_ram_role_policy_attachment: { paths: ['policy_name', 'policy_type', 'role_name'] },
};
for (const [type, entry] of Object.entries(ALICLOUD)) entry.source = `alicloud/resource_${type}.go (v1.289.0)`;

const TABLE = { ...AWS, ...ALICLOUD };

function forceNewPaths(type) {
  const entry = TABLE[type];
  if (!entry) throw new Error(`simulated provider: no ForceNew entry for ${type}; add one from the provider's source`);
  return entry.paths;
}

module.exports = { forceNewPaths, TABLE };
