'use strict';
// The `provider "aws"` block: the schema dump has none, so these are the provider's arguments the
// library and its users set (names and types of hashicorp/terraform-provider-aws 6.25,
// internal/provider/sdkv2/provider.go; the same names @cdktf/provider-aws 21 generates).
const str = { type: 'string', optional: true };
const bool = { type: 'bool', optional: true };
const strings = { type: ['list', 'string'], optional: true };
const stringSet = { type: ['set', 'string'], optional: true };

module.exports = {
  version: 0,
  block: {
    attributes: {
      access_key: str,
      secret_key: str,
      token: str,
      profile: str,
      region: str,
      shared_config_files: strings,
      shared_credentials_files: strings,
      allowed_account_ids: stringSet,
      forbidden_account_ids: stringSet,
      skip_credentials_validation: bool,
      skip_region_validation: bool,
      skip_requesting_account_id: bool,
      skip_metadata_api_check: str,
      s3_use_path_style: bool,
      max_retries: { type: 'number', optional: true },
    },
    block_types: {
      default_tags: { nesting_mode: 'list', max_items: 1, block: { attributes: { tags: { type: ['map', 'string'], optional: true } } } },
      ignore_tags: { nesting_mode: 'list', max_items: 1, block: { attributes: { keys: stringSet, key_prefixes: stringSet } } },
      assume_role: { nesting_mode: 'list', block: { attributes: { role_arn: str, session_name: str, external_id: str, duration: str } } },
      endpoints: { nesting_mode: 'set', block: { attributes: { lambda: str, s3: str, sqs: str, iam: str, sts: str, logs: str, cloudwatch: str } } },
    },
  },
};
