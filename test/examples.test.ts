import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { buildAlicloudExample } from '../examples/alicloud/app';
import { buildAwsExample } from '../examples/aws/app';
import { conformanceErrors, loadSchema } from './conformance';
import { only, resources, statements } from './helpers';

/** Synthesizes every example stack into a fresh folder, with a fresh packaging cache. */
function synthExamples(): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-examples-'));
  process.env.CDKTF_SERVERLESS_CACHE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-examples-cache-'));
  const app = new App({ outdir, stackTraces: false });
  buildAwsExample(app);
  buildAlicloudExample(app);
  app.synth();
  return outdir;
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath ?? (d as any).path, d.name)))
    .sort();
}

const first = synthExamples();
const second = synthExamples();
const stack = (name: string) => JSON.parse(fs.readFileSync(path.join(first, 'stacks', name, 'cdk.tf.json'), 'utf8'));
const awsStacks = ['aws-shared-layers', 'aws-orders', 'aws-production'];

test('two clean synths give byte-identical JSON and zips', () => {
  const files = listFiles(first);
  expect(listFiles(second)).toEqual(files);
  // Layers and code of the seed stacks (6), plus the production stacks' code, once per provider (4).
  expect(files.filter((f) => f.endsWith('.zip'))).toHaveLength(10);
  for (const f of files) {
    expect({ file: f, same: fs.readFileSync(path.join(first, f)).equals(fs.readFileSync(path.join(second, f))) }).toEqual({ file: f, same: true });
  }
});

test('no absolute path of this machine reaches the output', () => {
  for (const f of listFiles(first).filter((f) => f.endsWith('.json'))) {
    const text = fs.readFileSync(path.join(first, f), 'utf8');
    expect(text).not.toContain(path.resolve(__dirname, '..'));
    expect(text).not.toContain(os.tmpdir() + '/');
  }
});

test.each(awsStacks)('%s conforms to the AWS provider schema (6.25.0)', (name) => {
  expect(conformanceErrors(stack(name), loadSchema('aws.json'), 'aws_')).toEqual([]);
});

test('aws-production: the environment key alias reaches kms_key_arn as its key (data.aws_kms_alias.target_key_arn), not as the alias', () => {
  const json = stack('aws-production');
  const worker = Object.values<any>(json.resource.aws_lambda_function).find((f) => f.function_name === 'jobs-worker');
  const [id, alias] = Object.entries<any>(json.data.aws_kms_alias)[0];
  expect(alias.name).toBe('alias/jobs-env');
  expect(worker.kms_key_arn).toBe(`\${data.aws_kms_alias.${id}.target_key_arn}`);
});

test('alicloud-orders conforms to the Alibaba Cloud provider schema (1.289.0) and requires aliyun/alicloud ~> 1.291', () => {
  const json = stack('alicloud-orders');
  expect(conformanceErrors(json, loadSchema('alicloud.json'), 'alicloud_')).toEqual([]);
  expect(json.terraform.required_providers).toEqual({ alicloud: { source: 'aliyun/alicloud', version: '~> 1.291' } });
  expect(json.provider.alicloud).toEqual([{ region: 'cn-hangzhou' }]);
});

test('the conformance check catches unknown attributes, missing required ones and wrong block shapes', () => {
  const bad = {
    resource: {
      aws_lambda_alias: { a: { name: 'live', function_version: '1', routing_config: [{}, {}], colour: 'red' } },
      aws_sqs_queue: { q: { visibility_timeout_seconds: 'soon', arn: 'x' } },
      aws_lambda_thing: { t: {} },
    },
  };
  expect(conformanceErrors(bad, loadSchema('aws.json'), 'aws_')).toEqual([
    'aws_lambda_alias.a.routing_config: at most 1 block(s), got 2',
    'aws_lambda_alias.a: unknown attribute or block "colour"',
    'aws_lambda_alias.a: missing required attribute "function_name"',
    'aws_sqs_queue.q.visibility_timeout_seconds: expected a number, got "soon"',
    'aws_sqs_queue.q.arn: is computed only and cannot be set',
    'aws_lambda_thing: not in the schema',
  ]);
});

describe('the AWS example', () => {
  const layers = stack('aws-shared-layers');
  const orders = stack('aws-orders');

  test('layer versions from S3 with their hash', () => {
    for (const v of Object.values<any>(resources(layers, 'aws_lambda_layer_version'))) {
      expect(v).toEqual(
        expect.objectContaining({
          s3_bucket: expect.stringMatching(/^\$\{aws_s3_object\..+\.bucket\}$/),
          s3_key: expect.stringMatching(/^\$\{aws_s3_object\..+\.key\}$/),
          source_code_hash: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/),
          compatible_runtimes: ['nodejs22.x', 'nodejs24.x'],
        }),
      );
    }
    expect(
      Object.values<any>(resources(layers, 'aws_lambda_layer_version'))
        .map((v) => v.layer_name)
        .sort(),
    ).toEqual(['lodash', 'lodash-patch']);
  });

  test('the function uses lodash then lodash-patch (declared order), publishes, and the overlap warning is in the manifest', () => {
    const fn = resources(orders, 'aws_lambda_function');
    const f = Object.values<any>(fn).find((x) => x.function_name === 'orders');
    expect(f.publish).toBe(true);
    expect(f.runtime).toBe('nodejs22.x');
    expect(f.layers).toHaveLength(2);
    expect(f.layers[0]).toMatch(/cross-stack-output-aws_lambda_layer_versionlodasharn\}$/);
    expect(f.layers[1]).toMatch(/cross-stack-output-aws_lambda_layer_versionlodash-patcharn\}$/);
    const manifest = JSON.parse(fs.readFileSync(path.join(first, 'manifest.json'), 'utf8'));
    expect(manifest.stacks['aws-orders'].annotations).toContainEqual(
      expect.objectContaining({
        constructPath: 'aws-orders/orders',
        level: '@cdktf/warn',
        message:
          'layers: file "nodejs/node_modules/lodash/lodash.js" is in layers "lodash", "lodash-patch"; "lodash-patch" wins (a later layer overrides the same file of an earlier one)',
      }),
    );
  });

  test('the web function from an image: port 9000, /healthz, function URL', () => {
    const web = Object.values<any>(resources(orders, 'aws_lambda_function')).find((x) => x.function_name === 'web');
    expect(web.package_type).toBe('Image');
    expect(web.image_config).toEqual({ entry_point: ['/app/server'], command: ['--listen', '0.0.0.0:9000'] });
    expect(web.environment.variables).toEqual({ AWS_LWA_PORT: '9000', AWS_LWA_READINESS_CHECK_PATH: '/healthz' });
    expect(only(orders, 'aws_lambda_function_url').authorization_type).toBe('AWS_IAM');
  });

  test('the live alias sends 5 % to the latest version; async on the alias with 2 retries, a DLQ and a buffer', () => {
    const alias = only(orders, 'aws_lambda_alias');
    expect(alias.name).toBe('live');
    expect(alias.function_version).toBe('1');
    // The canary is the latest version, known at apply: the routing block exists only when it differs from "1".
    expect(alias.routing_config).toBeUndefined();
    expect(alias.dynamic.routing_config).toEqual({
      for_each: '${(aws_lambda_function.orders.version != "1") ? [1] : []}',
      content: { additional_version_weights: '${zipmap([aws_lambda_function.orders.version], [0.05])}' },
    });
    expect(alias.function_name).toBe('${aws_lambda_function.orders.function_name}');
    const config = only(orders, 'aws_lambda_function_event_invoke_config');
    expect(config.maximum_retry_attempts).toBe(2);
    expect(config.qualifier).toMatch(/^\$\{aws_lambda_alias\.live\.name\}$/);
    expect(config.destination_config.on_failure.destination).toMatch(/^\$\{aws_sqs_queue\.orders-async_DeadLetterQueue_[0-9A-F]+\.arn\}$/);
    const mapping = only(orders, 'aws_lambda_event_source_mapping');
    expect(mapping.scaling_config).toEqual({ maximum_concurrency: 50 });
    expect(mapping.event_source_arn).toMatch(/^\$\{aws_sqs_queue\.orders-async_BufferQueue_[0-9A-F]+\.arn\}$/);
    for (const q of Object.values<any>(resources(orders, 'aws_sqs_queue'))) expect(q.sqs_managed_sse_enabled).toBe(true);
  });

  test('no role policy grants anything on a wildcard resource', () => {
    for (const s of [layers, orders]) {
      for (const p of Object.values<any>(resources(s, 'aws_iam_role_policy'))) {
        for (const st of statements(p.policy)) {
          for (const r of [st.Resource].flat()) expect(r).not.toBe('*');
        }
      }
    }
  });

  test('snapshot of the synthesized stacks (a complement to the assertions above)', () => {
    expect({ layers, orders }).toMatchSnapshot();
  });
});

describe('the Alibaba Cloud example', () => {
  const fc = stack('alicloud-orders');
  const fn = (name: string) => Object.values<any>(resources(fc, 'alicloud_fcv3_function')).find((f) => f.function_name === name);

  test('the function uses lodash and lodash-patch, emitted reversed so lodash-patch wins on FC3', () => {
    const layers = fn('orders').layers;
    expect(layers).toHaveLength(2);
    expect(layers[0]).toContain('_layer_version.lodash-patch.');
    expect(layers[1]).toContain('_layer_version.lodash.');
    for (const v of Object.values<any>(resources(fc, 'alicloud_fcv3_layer_version'))) {
      expect(v.code.oss_object_name).toMatch(/^\$\{alicloud_oss_bucket_object\..+\.key\}$/);
    }
  });

  test('the web function: custom container on port 9000 with /healthz and an HTTP trigger', () => {
    const web = fn('web');
    expect(web.runtime).toBe('custom-container');
    expect(web.custom_container_config).toEqual(expect.objectContaining({ port: 9000, entrypoint: ['/app/server'], command: ['--listen', '0.0.0.0:9000'] }));
    expect(web.custom_container_config.health_check_config.http_get_url).toBe('/healthz');
    expect(only(fc, 'alicloud_fcv3_trigger').trigger_type).toBe('http');
  });

  test('live alias at 95/5, published versions forgotten rather than destroyed, async with retries and an MNS dead-letter queue', () => {
    const alias = only(fc, 'alicloud_fcv3_alias');
    expect(alias.alias_name).toBe('live');
    expect(alias.version_id).toBe('1');
    expect(alias.additional_version_weight).toContain('[0.05]');
    const versions = resources(fc, 'alicloud_fcv3_function_version');
    for (const prefix of ['orders_', 'web_']) {
      expect(Object.entries<any>(versions).find(([k]) => k.startsWith(prefix))![1].lifecycle).toEqual({ create_before_destroy: true, destroy: false });
    }
    for (const v of Object.values<any>(resources(fc, 'alicloud_fcv3_layer_version')))
      expect(v.lifecycle).toEqual({ create_before_destroy: true, destroy: false });
    // Engines older than Terraform 1.16 stop at init instead of deleting versions.
    expect(fc.terraform.required_version).toBe('>= 1.16.1');
    expect(alias.function_name).toBe('${alicloud_fcv3_function.orders.function_name}');
    const config = only(fc, 'alicloud_fcv3_async_invoke_config');
    expect(config.max_async_retry_attempts).toBe(3);
    expect(config.qualifier).toBeUndefined();
    expect(config.destination_config.on_failure.destination).toMatch(
      /^acs:mns:cn-hangzhou:\$\{local\.ServerlessAccountId\}:\/queues\/\$\{alicloud_message_service_queue\.orders-async_DeadLetterQueue_[0-9A-F]+\.queue_name\}\/messages$/,
    );
    const policies = resources(fc, 'alicloud_ram_policy');
    const statementsOf = (prefix: string) => JSON.parse(Object.entries<any>(policies).find(([id]) => id.startsWith(prefix))![1].policy_document).Statement;
    expect(statementsOf('orders_')).toEqual([{ Effect: 'Allow', Action: ['mns:SendMessage'], Resource: [config.destination_config.on_failure.destination] }]);
    // The image function's role pulls its one repository.
    expect(statementsOf('web_')).toEqual([
      { Effect: 'Allow', Action: ['cr:GetAuthorizationToken'], Resource: ['*'] },
      { Effect: 'Allow', Action: ['cr:PullRepository'], Resource: ['acs:cr:cn-hangzhou:${local.ServerlessAccountId}:repository/demo/web'] },
    ]);
  });

  test('snapshot of the synthesized stack (a complement to the assertions above)', () => {
    expect(fc).toMatchSnapshot();
  });
});
