import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { alicloud } from '../lib';
import { conformanceErrors, loadSchema } from './conformance';
import { makeFolder, only, resources, synth, warnings } from './helpers';

const lodash = makeFolder({ 'nodejs/node_modules/lodash/package.json': '{}', 'nodejs/node_modules/lodash/lodash.js': 'a' }, 'lodash');
const patch = makeFolder({ 'nodejs/node_modules/lodash/lodash.js': 'b' }, 'patch');
const code = makeFolder({ 'index.js': 'exports.handler = async () => "ok";' }, 'code');
const IMAGE = 'registry.cn-hangzhou.aliyuncs.com/demo/web@sha256:' + 'a'.repeat(64);

function fcStack(region: string | null = 'cn-hangzhou'): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new alicloud.AlicloudProvider(stack, 'alicloud', region ? { region } : {});
  return stack;
}

function layer(stack: TerraformStack, id: string, folder = lodash, runtimes = ['nodejs20']): alicloud.Layer {
  return new alicloud.Layer(stack, id, { path: folder, compatibleRuntimes: runtimes, layerName: id });
}

function fn(stack: TerraformStack, props: Partial<alicloud.LayeredFunctionProps> = {}, id = 'orders'): alicloud.LayeredFunction {
  return new alicloud.LayeredFunction(stack, id, { functionName: 'orders', runtime: 'nodejs20', handler: 'index.handler', code, ...props });
}

const conforms = (json: any) => expect(conformanceErrors(json, loadSchema('alicloud.json'), 'alicloud_')).toEqual([]);

describe('alicloud.Layer and LayeredFunction', () => {
  test('layer: zip in a private, encrypted, versioned OSS bucket, published as a layer version', () => {
    const stack = fcStack();
    const l = new alicloud.Layer(stack, 'lodash', { path: lodash, compatibleRuntimes: ['nodejs20', 'nodejs18'], layerName: 'lodash', description: 'lodash' });
    const json = synth(stack);
    expect(only(json, 'alicloud_fcv3_layer_version')).toEqual(expect.objectContaining({
      // Sorted: FC returns the runtimes in its own order and the list is ForceNew.
      layer_name: 'lodash', compatible_runtime: ['nodejs18', 'nodejs20'], description: 'lodash', acl: '0',
      code: {
        oss_bucket_name: expect.stringMatching(/^\$\{alicloud_oss_bucket_object\.lodash_Object_[0-9A-F]+\.bucket\}$/),
        oss_object_name: expect.stringMatching(/^\$\{alicloud_oss_bucket_object\.lodash_Object_[0-9A-F]+\.key\}$/),
      },
      // A replaced layer version is forgotten, never deleted: functions elsewhere still use it.
      lifecycle: { create_before_destroy: true, destroy: false },
    }));
    expect(only(json, 'alicloud_oss_bucket_object')).toEqual(expect.objectContaining({
      key: `layers/lodash/${l.packaged.contentHash}.zip`, content_md5: l.packaged.zipMd5, acl: 'private', server_side_encryption: 'AES256',
    }));
    expect(only(json, 'alicloud_oss_bucket')).toEqual(expect.objectContaining({
      bucket: expect.stringMatching(/^serverless-artifacts-[0-9a-f]{12}$/),
      server_side_encryption_rule: { sse_algorithm: 'AES256' }, versioning: { status: 'Enabled' },
    }));
    expect(only(json, 'alicloud_oss_bucket').acl).toBeUndefined();
    expect(l.arn).toMatch(/TfToken/);
    conforms(json);
  });

  test('the layer list is emitted reversed, so "a later layer overrides an earlier one" holds on FC3 (first wins there)', () => {
    const stack = fcStack();
    const first = layer(stack, 'lodash');
    const second = layer(stack, 'patch', patch);
    const f = fn(stack, { layers: [first, 'acs:fc:cn-hangzhou:official:layers/Nodejs-Tools/versions/2', second] });
    const json = synth(stack);
    const emitted = only(json, 'alicloud_fcv3_function').layers;
    expect(emitted).toEqual([
      expect.stringMatching(/^\$\{alicloud_fcv3_layer_version\.patch\.layer_version_arn\}$/),
      'acs:fc:cn-hangzhou:official:layers/Nodejs-Tools/versions/2',
      expect.stringMatching(/^\$\{alicloud_fcv3_layer_version\.lodash\.layer_version_arn\}$/),
    ]);
    // The user's order is kept on the construct, and the overlap warning names the same winner as on AWS.
    expect(f.layers.map((l) => l.label)).toEqual(['lodash', 'acs:fc:cn-hangzhou:official:layers/Nodejs-Tools/versions/2', 'patch']);
    expect(warnings(f)).toEqual(['layers: file "nodejs/node_modules/lodash/lodash.js" is in layers "lodash", "patch"; "patch" wins (a later layer overrides the same file of an earlier one)']);
    conforms(json);
  });

  test('function: code from OSS, settings, RAM role only FC may assume, no policy until something is granted', () => {
    const stack = fcStack();
    const f = fn(stack, { memorySize: 1024, cpu: 0.5, timeout: 60, diskSize: 10240, instanceConcurrency: 10, environment: { TABLE: 'orders' }, description: 'orders' });
    const json = synth(stack);
    expect(only(json, 'alicloud_fcv3_function')).toEqual(expect.objectContaining({
      function_name: 'orders', runtime: 'nodejs20', handler: 'index.handler', memory_size: 1024, cpu: 0.5, timeout: 60,
      disk_size: 10240, instance_concurrency: 10, environment_variables: { TABLE: 'orders' }, description: 'orders',
      role: expect.stringMatching(/^\$\{alicloud_ram_role\.orders_Role_[0-9A-F]+\.arn\}$/),
      code: {
        oss_bucket_name: expect.stringMatching(/^\$\{alicloud_oss_bucket_object\.ServerlessCode_Object-[0-9a-f]{16}_[0-9A-F]+\.bucket\}$/),
        oss_object_name: expect.stringMatching(/^\$\{alicloud_oss_bucket_object\.ServerlessCode_Object-[0-9a-f]{16}_[0-9A-F]+\.key\}$/),
      },
    }));
    expect(JSON.parse(only(json, 'alicloud_ram_role').assume_role_policy_document)).toEqual({
      Version: '1', Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['fc.aliyuncs.com'] } }],
    });
    expect(only(json, 'alicloud_oss_bucket_object').key).toBe(`code/${f.packaged.contentHash}.zip`);
    expect(resources(json, 'alicloud_ram_policy')).toEqual({});
    expect(f.rolePolicy).toBeUndefined();
    conforms(json);
  });

  test('SLS logging grants log:PostLogStoreLogs on that logstore only, before the function is created', () => {
    const stack = fcStack();
    fn(stack, { logConfig: { project: 'app-logs', logstore: 'orders' } });
    const json = synth(stack);
    const policy = JSON.parse(only(json, 'alicloud_ram_policy').policy_document);
    expect(policy.Statement).toEqual([{
      Effect: 'Allow', Action: ['log:PostLogStoreLogs'],
      Resource: [expect.stringMatching(/^acs:log:cn-hangzhou:\$\{local\.ServerlessAccountId\}:project\/app-logs\/logstore\/orders$/)],
    }]);
    const f = only(json, 'alicloud_fcv3_function');
    expect(f.log_config).toEqual(expect.objectContaining({ project: 'app-logs', logstore: 'orders' }));
    expect(f.depends_on).toEqual([expect.stringMatching(/^alicloud_ram_role_policy_attachment\.orders_RolePolicyAttachment_/)]);
    expect(only(json, 'alicloud_ram_role_policy_attachment')).toEqual(expect.objectContaining({ policy_type: 'Custom' }));
    conforms(json);
  });

  test('versions: the config fingerprint is in the ForceNew description; create_before_destroy then forget; a change of code or layer publishes anew', () => {
    const description = (folder: string, layerFolder = lodash) => {
      const stack = fcStack();
      fn(stack, { code: folder, layers: [layer(stack, 'lodash', layerFolder)] });
      return only(synth(stack), 'alicloud_fcv3_function_version');
    };
    const v = description(code);
    expect(v).toEqual({
      function_name: expect.stringMatching(/^\$\{alicloud_fcv3_function\.orders\.function_name\}$/),
      description: expect.stringMatching(/^config [0-9a-f]{16}$/),
      depends_on: [expect.stringMatching(/^alicloud_fcv3_function\.orders$/)],
      // The replaced version is forgotten (Terraform ≥ 1.16), never deleted: the alias may point at it.
      lifecycle: { create_before_destroy: true, destroy: false },
    });
    expect(description(code).description).toBe(v.description);
    expect(description(makeFolder({ 'index.js': 'exports.handler = async () => "v2";' })).description).not.toBe(v.description);
    expect(description(code, patch).description).not.toBe(v.description);
  });

  describe('bad input', () => {
    test.each([
      [{ memorySize: 100 }, 'memorySize must be an integer between 128 and 32768 MB and a multiple of 64, got 100'],
      [{ memorySize: 32832 }, 'memorySize must be an integer between 128 and 32768 MB and a multiple of 64, got 32832'],
      [{ memorySize: 1000 }, 'memorySize must be an integer between 128 and 32768 MB and a multiple of 64, got 1000'],
      [{ timeout: 0 }, 'timeout must be an integer between 1 and 86400 s, got 0'],
      [{ timeout: 86401 }, 'timeout must be an integer between 1 and 86400 s, got 86401'],
      [{ cpu: 0.01 }, 'cpu must be a number between 0.05 and 16 vCPU and a multiple of 0.05, got 0.01'],
      [{ cpu: 17, memorySize: 32768 }, 'cpu must be a number between 0.05 and 16 vCPU and a multiple of 0.05, got 17'],
      [{ cpu: 0.33 }, 'cpu must be a number between 0.05 and 16 vCPU and a multiple of 0.05, got 0.33'],
      [{ cpu: 2, memorySize: 1024 }, 'cpu must be a vCPU : memory (GB) ratio between 1:1 and 1:4 (for memorySize 1024 MB: 0.25-1 vCPU), got 2'],
      [{ cpu: 0.1, memorySize: 1024 }, 'cpu must be a vCPU : memory (GB) ratio between 1:1 and 1:4 (for memorySize 1024 MB: 0.25-1 vCPU), got 0.1'],
      [{ diskSize: 1024 }, 'diskSize must be one of 512, 10240, got 1024'],
      [{ instanceConcurrency: 0 }, 'instanceConcurrency must be an integer between 1 and 200, got 0'],
      [{ instanceConcurrency: 201 }, 'instanceConcurrency must be an integer between 1 and 200, got 201'],
      [{ functionName: '1orders' }, 'functionName must be 1-64 characters of letters, digits, "_" and "-", starting with a letter or "_", got "1orders"'],
      [{ functionName: 'a'.repeat(65) }, `functionName must be 1-64 characters of letters, digits, "_" and "-", starting with a letter or "_", got "${'a'.repeat(65)}"`],
      [{ runtime: 'nodejs22' }, 'runtime must be one of "python3.12"'],
      [{ environment: { FC_REGION: 'x' } }, 'environment key must be a name the platform does not reserve'],
      [{ layers: [1, 2, 3, 4, 5, 6].map((n) => `acs:fc:cn-hangzhou:123:layers/l${n}/versions/1`) }, 'layers must have at most 5 layers, got 6'],
    ])('%j is refused', (override, message) => {
      const stack = fcStack();
      expect(() => fn(stack, override as Partial<alicloud.LayeredFunctionProps>)).toThrow(`[test/orders] ${message}`);
    });

    test('layer names and runtime compatibility', () => {
      const stack = fcStack();
      expect(() => new alicloud.Layer(stack, 'bad', { path: lodash, compatibleRuntimes: ['nodejs20'], layerName: '-lodash' }))
        .toThrow('[test/bad] layerName must be 1-64 characters of letters, digits, "_" and "-", starting with a letter or "_", got "-lodash"');
      expect(() => new alicloud.Layer(stack, 'long', { path: lodash, compatibleRuntimes: ['nodejs20'], layerName: 'l'.repeat(65) }))
        .toThrow(`[test/long] layerName must be 1-64 characters of letters, digits, "_" and "-", starting with a letter or "_", got "${'l'.repeat(65)}"`);
      const py = layer(stack, 'py', lodash, ['python3.12']);
      expect(() => fn(stack, { layers: [py] })).toThrow('[test/orders] layers[0] must be a layer compatible with runtime "nodejs20" (layer "py" lists python3.12), got "py"');
      expect(() => alicloud.Layer.fromLayerVersionArn(stack, 'arn', 'arn:aws:lambda:eu-west-1:123456789012:layer:x:1'))
        .toThrow('[test/arn] arn must be a layer version ARN (acs:fc:<region>:<account>:layers/<name>/versions/<version>), got "arn:aws:lambda:eu-west-1:123456789012:layer:x:1"');
    });

    test('the account in ARNs: one stack-level local read from a role, or the provider\'s literal account_id', () => {
      const stack = fcStack();
      fn(stack, { logConfig: { project: 'p', logstore: 'l' } });
      new alicloud.LayeredFunction(stack, 'other', { runtime: 'nodejs20', handler: 'index.handler', code, logConfig: { project: 'p', logstore: 'l' } });
      const json = synth(stack);
      expect(json.locals).toEqual({ ServerlessAccountId: '${element(split(":", alicloud_ram_role.orders_Role_3316C6BB.arn), 3)}' });
      const pinned = new TerraformStack(Testing.app(), 'pinned');
      new alicloud.AlicloudProvider(pinned, 'alicloud', { region: 'cn-shanghai', accountId: '1234567890' });
      fn(pinned, { logConfig: { project: 'p', logstore: 'l' } });
      const pinnedJson = synth(pinned);
      expect(pinnedJson.locals).toBeUndefined();
      expect(JSON.parse(only(pinnedJson, 'alicloud_ram_policy').policy_document).Statement[0].Resource).toEqual(['acs:log:cn-shanghai:1234567890:project/p/logstore/l']);
    });

    test('a provider without a literal region: fine until an ARN is needed, then a clear error', () => {
      const stack = fcStack(null);
      const f = fn(stack);
      expect(only(synth(stack), 'alicloud_fcv3_function').function_name).toBe('orders');
      expect(() => new alicloud.AsyncWithDeadLetter(stack, 'async', { function: f })).toThrow('[test/async] region must be set on the AlicloudProvider of stack test (or in context "cdktf-serverless:alicloudRegion") so RAM policies name exact resources, got nothing');
      expect(() => fn(fcStack(null), { logConfig: { project: 'p', logstore: 'l' } })).toThrow('[test/orders] region must be set on the AlicloudProvider of stack test (or in context "cdktf-serverless:alicloudRegion") so RAM policies name exact resources, got nothing');
    });
  });
});

describe('alicloud.CustomImageFunction', () => {
  test('custom-container: image, entrypoint = command, command = args, port, health check, HTTP trigger', () => {
    const stack = fcStack();
    const web = new alicloud.CustomImageFunction(stack, 'web', {
      functionName: 'web', image: IMAGE, command: ['/app/server'], args: ['--listen', '0.0.0.0:9000'],
      healthCheck: { path: '/healthz', initialDelay: 5, period: 10, timeout: 2, failureThreshold: 4, successThreshold: 2 },
      memorySize: 2048, cpu: 1, timeout: 60, instanceConcurrency: 50, httpTrigger: true,
    });
    const json = synth(stack);
    const f = only(json, 'alicloud_fcv3_function');
    expect(f).toEqual(expect.objectContaining({
      runtime: 'custom-container', memory_size: 2048, cpu: 1, timeout: 60, instance_concurrency: 50,
      custom_container_config: {
        image: IMAGE, entrypoint: ['/app/server'], command: ['--listen', '0.0.0.0:9000'], port: 9000,
        health_check_config: { http_get_url: '/healthz', initial_delay_seconds: 5, period_seconds: 10, timeout_seconds: 2, failure_threshold: 4, success_threshold: 2 },
      },
    }));
    expect(f.code).toBeUndefined();
    expect(f.layers).toBeUndefined();
    // The provider requires a handler for every runtime (resource_alicloud_fcv3_function.go), so it stays.
    expect(loadSchema('alicloud.json').provider_schemas['registry.terraform.io/aliyun/alicloud'].resource_schemas.alicloud_fcv3_function.block.attributes!.handler.required).toBe(true);
    expect(f.handler).toBe('index.handler');
    const trigger = only(json, 'alicloud_fcv3_trigger');
    expect(trigger).toEqual(expect.objectContaining({ trigger_type: 'http', trigger_name: 'http', qualifier: 'LATEST' }));
    expect(JSON.parse(trigger.trigger_config)).toEqual({ authType: 'function', methods: ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'], disableURLInternet: false });
    expect(web.url).toMatch(/TfToken/);
    expect(warnings(web)).toEqual([]);
    conforms(json);
  });

  test('the port defaults to 9000; a "latest" tag warns', () => {
    const stack = fcStack();
    const web = new alicloud.CustomImageFunction(stack, 'web', { image: 'myinstance-registry-vpc.cn-shanghai.cr.aliyuncs.com/team/web:latest' });
    expect(only(synth(stack), 'alicloud_fcv3_function').custom_container_config.port).toBe(9000);
    expect(warnings(web)).toEqual(['image "myinstance-registry-vpc.cn-shanghai.cr.aliyuncs.com/team/web:latest" uses the mutable tag "latest": pin a digest (@sha256:…) or an immutable tag so every deploy runs the image you tested']);
  });

  describe('bad input', () => {
    test.each([
      [{ image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1' }, 'image must be an Alibaba Cloud Container Registry image'],
      [{ image: 'docker.io/library/nginx:1.27' }, 'image must be an Alibaba Cloud Container Registry image: "registry[-vpc].<region>.aliyuncs.com/<namespace>/<repository>:<tag>" or "<instance>-registry[-vpc].<region>.cr.aliyuncs.com/<namespace>/<repository>:<tag>" (or @sha256:<digest>), got "docker.io/library/nginx:1.27"'],
      [{ port: 0 }, 'port must be an integer between 1 and 65535, got 0'],
      [{ port: 70000 }, 'port must be an integer between 1 and 65535, got 70000'],
      [{ healthCheck: { path: 'healthz' } }, 'healthCheck.path must be 1-2048 characters of an HTTP path starting with "/" and without spaces, got "healthz"'],
      [{ healthCheck: { path: '/h', timeout: 4 } }, 'healthCheck.timeout must be an integer between 1 and 3 s, got 4'],
      [{ healthCheck: { path: '/h', timeout: 0 } }, 'healthCheck.timeout must be an integer between 1 and 3 s, got 0'],
      [{ healthCheck: { path: '/h', initialDelay: 121 } }, 'healthCheck.initialDelay must be an integer between 0 and 120 s, got 121'],
      [{ healthCheck: { path: '/h', period: 0 } }, 'healthCheck.period must be an integer between 1 and 120 s, got 0'],
      [{ healthCheck: { path: '/h', failureThreshold: 121 } }, 'healthCheck.failureThreshold must be an integer between 1 and 120, got 121'],
      [{ healthCheck: { path: '/h', successThreshold: 0 } }, 'healthCheck.successThreshold must be an integer between 1 and 120, got 0'],
      [{ memorySize: 130 }, 'memorySize must be an integer between 128 and 32768 MB and a multiple of 64, got 130'],
      [{ instanceConcurrency: 300 }, 'instanceConcurrency must be an integer between 1 and 200, got 300'],
      [{ httpTrigger: { methods: ['FETCH'] } }, 'httpTrigger.methods must be one of "GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS", got "FETCH"'],
      [{ layers: ['acs:fc:cn-hangzhou:123:layers/x/versions/1'] } as any, 'layers must be left out: container image functions cannot use layers (put the files in the image), got 1 layer'],
    ])('%j is refused', (props, message) => {
      const stack = fcStack();
      expect(() => new alicloud.CustomImageFunction(stack, 'web', { image: IMAGE, ...(props as object) } as alicloud.CustomImageFunctionProps)).toThrow(`[test/web] ${message}`);
    });
  });
});

describe('alicloud.CanaryAlias', () => {
  test('stable version and a canary weight on the published version, dropped when they are equal; replaced versions are forgotten', () => {
    const stack = fcStack();
    const f = fn(stack);
    const live = new alicloud.CanaryAlias(stack, 'live', { function: f, stableVersion: '3', canaryWeight: 0.05 });
    const json = synth(stack);
    const alias = only(json, 'alicloud_fcv3_alias');
    expect(alias).toEqual(expect.objectContaining({ alias_name: 'live', function_name: '${alicloud_fcv3_function.orders.function_name}', version_id: '3' }));
    expect(alias.additional_version_weight).toMatch(
      /^\$\{\(alicloud_fcv3_function_version\.orders_Version_[0-9A-F]+\.version_id == "3"\) \? \{\} : zipmap\(\[alicloud_fcv3_function_version\.orders_Version_[0-9A-F]+\.version_id\], \[0\.05\]\)\}$/,
    );
    // No prevent_destroy: a release is one apply, the old version is forgotten and stays in FC.
    expect(only(json, 'alicloud_fcv3_function_version').lifecycle).toEqual({ create_before_destroy: true, destroy: false });
    expect(json.terraform.required_version).toBe('>= 1.16.1');
    expect(live.qualifier).toMatch(/TfToken/);
    conforms(json);
  });

  test('first deploy: the alias follows the published version; nothing pinned, nothing protected', () => {
    const stack = fcStack();
    new alicloud.CanaryAlias(stack, 'live', { function: fn(stack) });
    const json = synth(stack);
    expect(only(json, 'alicloud_fcv3_alias').version_id).toMatch(/^\$\{alicloud_fcv3_function_version\.orders_Version_[0-9A-F]+\.version_id\}$/);
    expect(only(json, 'alicloud_fcv3_alias').additional_version_weight).toBeUndefined();
    expect(only(json, 'alicloud_fcv3_function_version').lifecycle).toEqual({ create_before_destroy: true, destroy: false });
  });

  test('a weight known only at plan time gets a precondition with the same message', () => {
    const stack = fcStack();
    const weight = new TerraformVariable(stack, 'weight', { type: 'number' });
    new alicloud.CanaryAlias(stack, 'live', { function: fn(stack), stableVersion: '1', canaryWeight: weight.numberValue });
    expect(only(synth(stack), 'alicloud_fcv3_alias').lifecycle).toEqual({
      precondition: [{ condition: '${(abs((var.weight - 0.5)) <= 0.5)}', error_message: '[test/live] canaryWeight must be a number between 0 and 1' }],
    });
  });

  test('literal versions and promotion', () => {
    const stack = fcStack();
    const f = fn(stack);
    new alicloud.CanaryAlias(stack, 'canary', { function: f, aliasName: 'prod', stableVersion: '3', canaryVersion: '4', canaryWeight: 0.2 });
    new alicloud.CanaryAlias(stack, 'promoted', { function: f, aliasName: 'promoted', stableVersion: '4', canaryWeight: 0 });
    const aliases = Object.values<any>(resources(synth(stack), 'alicloud_fcv3_alias'));
    expect(aliases.find((a) => a.alias_name === 'prod').additional_version_weight).toEqual({ 4: 0.2 });
    expect(aliases.find((a) => a.alias_name === 'promoted').additional_version_weight).toBeUndefined();
  });

  test.each([
    [{ stableVersion: '1', canaryWeight: 1.01 }, 'canaryWeight must be a number between 0 and 1, got 1.01'],
    [{ stableVersion: 'LATEST' }, 'stableVersion must be a published version number such as "1" (not $LATEST), got "LATEST"'],
    [{ stableVersion: 'v1' }, 'stableVersion must be a published version number such as "1" (not $LATEST), got "v1"'],
    [{ stableVersion: '2', canaryVersion: '2', canaryWeight: 0.5 }, 'canaryVersion must be a version other than stableVersion "2" when canaryWeight is above 0, got "2"'],
    [{ aliasName: '9live' }, 'aliasName must be 1-128 characters of letters, digits, "_" and "-", starting with a letter or "_", got "9live"'],
    [{ aliasName: 'a'.repeat(129) }, `aliasName must be 1-128 characters of letters, digits, "_" and "-", starting with a letter or "_", got "${'a'.repeat(129)}"`],
  ])('%j is refused', (props, message) => {
    const stack = fcStack();
    const f = fn(stack);
    expect(() => new alicloud.CanaryAlias(stack, 'live', { function: f, ...props })).toThrow(`[test/live] ${message}`);
  });
});

describe('alicloud.AsyncWithDeadLetter', () => {
  const MNS = (id: string) => new RegExp(`^acs:mns:cn-hangzhou:\\$\\{local\\.ServerlessAccountId\\}:/queues/\\$\\{alicloud_message_service_queue\\.${id}_[0-9A-F]+\\.queue_name\\}/messages$`);

  test('retries, event age, failures to a created MNS queue, mns:SendMessage on that queue only', () => {
    const stack = fcStack();
    const f = fn(stack);
    const async = new alicloud.AsyncWithDeadLetter(stack, 'async', { function: f, retryAttempts: 5, maxEventAge: 7200 });
    const json = synth(stack);
    const config = only(json, 'alicloud_fcv3_async_invoke_config');
    expect(config.qualifier).toBeUndefined();
    expect(config).toEqual(expect.objectContaining({
      function_name: '${alicloud_fcv3_function.orders.function_name}', max_async_retry_attempts: 5, max_async_event_age_in_seconds: 7200,
      destination_config: { on_failure: { destination: expect.stringMatching(MNS('async_DeadLetterQueue')) } },
      depends_on: [expect.stringMatching(/^alicloud_ram_role_policy_attachment\.orders_RolePolicyAttachment_/)],
    }));
    expect(only(json, 'alicloud_message_service_queue')).toEqual({
      queue_name: expect.stringMatching(/^test-async-[0-9a-f]{8}-dlq$/), message_retention_period: 604800,
    });
    expect(JSON.parse(only(json, 'alicloud_ram_policy').policy_document).Statement).toEqual([
      { Effect: 'Allow', Action: ['mns:SendMessage'], Resource: [expect.stringMatching(MNS('async_DeadLetterQueue'))] },
    ]);
    expect(async.deadLetterQueue).toBeDefined();
    conforms(json);
  });

  test('defaults: 3 retries, 86400 s', () => {
    const stack = fcStack();
    new alicloud.AsyncWithDeadLetter(stack, 'async', { function: fn(stack) });
    const config = only(synth(stack), 'alicloud_fcv3_async_invoke_config');
    expect(config.max_async_retry_attempts).toBe(3);
    expect(config.max_async_event_age_in_seconds).toBe(86400);
    expect(config.qualifier).toBeUndefined();
  });

  test('a failure-handling function: fc:InvokeFunction on it; no queue', () => {
    const stack = fcStack();
    const f = fn(stack);
    const handler = new alicloud.LayeredFunction(stack, 'failures', { functionName: 'failures', runtime: 'nodejs20', handler: 'index.handler', code });
    new alicloud.AsyncWithDeadLetter(stack, 'async', { function: f, onFailure: handler });
    const json = synth(stack);
    const arn = 'acs:fc:cn-hangzhou:${local.ServerlessAccountId}:functions/${alicloud_fcv3_function.failures.function_name}';
    expect(only(json, 'alicloud_fcv3_async_invoke_config').destination_config).toEqual({ on_failure: { destination: arn } });
    expect(JSON.parse(only(json, 'alicloud_ram_policy').policy_document).Statement).toEqual([{ Effect: 'Allow', Action: ['fc:InvokeFunction'], Resource: [arn] }]);
    expect(resources(json, 'alicloud_message_service_queue')).toEqual({});
  });

  test('buffer: an MNS queue with redrive to the DLQ, fed to the function by an EventBridge trigger', () => {
    const stack = fcStack();
    const f = fn(stack, { timeout: 20 });
    new alicloud.AsyncWithDeadLetter(stack, 'async', { function: f, buffer: { batchSize: 20, maxConcurrency: 10, maxReceiveCount: 5 } });
    const json = synth(stack);
    const buffer = Object.entries<any>(resources(json, 'alicloud_message_service_queue')).find(([k]) => k.startsWith('async_BufferQueue'))![1];
    expect(buffer).toEqual(expect.objectContaining({
      visibility_timeout: 120, message_retention_period: 345600,
      dlq_policy: { enabled: true, max_receive_count: 5, dead_letter_target_queue: expect.stringMatching(/^\$\{alicloud_message_service_queue\.async_DeadLetterQueue_[0-9A-F]+\.queue_name\}$/) },
    }));
    const trigger = only(json, 'alicloud_fcv3_trigger');
    expect(trigger).toEqual(expect.objectContaining({ trigger_type: 'eventbridge', qualifier: 'LATEST', function_name: '${alicloud_fcv3_function.orders.function_name}' }));
    const config = JSON.parse(trigger.trigger_config);
    expect(config.eventSourceConfig).toEqual({ eventSourceType: 'MNS', eventSourceParameters: { sourceMNSParameters: { RegionId: 'cn-hangzhou', QueueName: expect.stringMatching(/async_BufferQueue/), IsBase64Decode: false } } });
    // Batching needs the event-streaming mode; failed messages go to the dead-letter queue, not dropped.
    expect(config.runOptions).toEqual({
      mode: 'event-streaming', maximumTasks: 10, batchWindow: { CountBasedWindow: 20, TimeBasedWindow: 0 },
      retryStrategy: { PushRetryStrategy: 'BACKOFF_RETRY' }, errorsTolerance: 'ALL',
      deadLetterQueue: { Arn: expect.stringMatching(/^acs:mns:cn-hangzhou:\$\{local\.ServerlessAccountId\}:\/queues\/\$\{alicloud_message_service_queue\.async_DeadLetterQueue_[0-9A-F]+\.queue_name\}$/) },
    });
    expect(config.eventSinkConfig).toEqual({ deliveryOption: { mode: 'event-streaming', eventSchema: 'CloudEvents' } });
    expect(config.eventRuleFilterPattern).toBe('{}');
    conforms(json);
  });

  describe('bad input', () => {
    test.each([
      [{ retryAttempts: 9 }, 'retryAttempts must be an integer between 0 and 8, got 9'],
      [{ retryAttempts: -1 }, 'retryAttempts must be an integer between 0 and 8, got -1'],
      [{ maxEventAge: 0 }, 'maxEventAge must be an integer between 1 and 86400 s, got 0'],
      [{ maxEventAge: 86401 }, 'maxEventAge must be an integer between 1 and 86400 s, got 86401'],
      [{ deadLetterRetention: 3600, maxEventAge: 7200 }, 'deadLetterRetention must be at least maxEventAge (7200 s), so no event expires in the queue before it could be read, got 3600'],
      [{ deadLetterQueue: { queueName: 'old-dlq', retention: 60 }, maxEventAge: 600 }, 'deadLetterQueue retention must be at least maxEventAge (600 s), so no event expires in the queue before it could be delivered, got 60'],
      [{ buffer: { visibilityTimeout: 2 } }, 'buffer.visibilityTimeout must be at least the function timeout (3 s; 6 × is recommended: 18 s), got 2'],
      [{ buffer: { batchSize: 0 } }, 'buffer.batchSize must be an integer between 1 and 10000, got 0'],
      [{ buffer: { retention: 600 }, maxEventAge: 600 }, 'buffer.retention must be longer than maxEventAge (600 s), got 600'],
    ])('%j is refused', (props, message) => {
      const stack = fcStack();
      const f = fn(stack);
      expect(() => new alicloud.AsyncWithDeadLetter(stack, 'async', { function: f, ...props })).toThrow(`[test/async] ${message}`);
    });

    test('the on-failure function being the function itself, and a second config for the same function', () => {
      const stack = fcStack();
      const f = fn(stack);
      expect(() => new alicloud.AsyncWithDeadLetter(stack, 'self', { function: f, onFailure: f }))
        .toThrow('[test/self] onFailure must be a function other than the one invoked (its failures would loop back into it), got "test/orders"');
      new alicloud.AsyncWithDeadLetter(stack, 'first', { function: f });
      expect(() => new alicloud.AsyncWithDeadLetter(stack, 'second', { function: f }))
        .toThrow('[test/second] function must be a function without another AsyncWithDeadLetter (provider aliyun/alicloud keys the async configuration by function name), got "test/orders"');
    });

    test('a qualifier: the provider reads async configurations back without it', () => {
      const stack = fcStack();
      const live = new alicloud.CanaryAlias(stack, 'live', { function: fn(stack) });
      for (const [id, qualifier] of [['alias', live], ['name', 'live'], ['version', '3']] as const) {
        expect(() => new alicloud.AsyncWithDeadLetter(stack, id, { function: fn(stack, { functionName: `f_${id}` }, `f_${id}`), qualifier }))
          .toThrow(`[test/${id}] qualifier must be left out (or "LATEST"): provider aliyun/alicloud reads async configurations back without the qualifier, so one on an alias or version cannot be managed, got "${qualifier === live ? 'live' : qualifier}"`);
      }
    });
  });
});

describe('alicloud engine setting (context "cdktf-serverless:engine")', () => {
  const withEngine = (engine: string | undefined) => {
    const app = Testing.app({ context: engine ? { 'cdktf-serverless:engine': engine } : {} });
    const stack = new TerraformStack(app, 'test');
    new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    const f = fn(stack);
    new alicloud.CanaryAlias(stack, 'live', { function: f, stableVersion: '1', canaryWeight: 0.1 });
    new alicloud.Layer(stack, 'lib', { path: lodash, compatibleRuntimes: ['nodejs20'] });
    return JSON.parse(Testing.synth(stack, true));
  };

  test.each([
    [undefined, '>= 1.16.1'],
    ['terraform', '>= 1.16.1'],
    ['opentofu', '>= 1.12.0'],
  ])('engine %s: replaced versions are forgotten, and the stack requires %s', (engine, floor) => {
    const json = withEngine(engine);
    expect(json.terraform.required_version).toBe(floor);
    expect(only(json, 'alicloud_fcv3_function_version').lifecycle).toEqual({ create_before_destroy: true, destroy: false });
    expect(only(json, 'alicloud_fcv3_layer_version').lifecycle).toEqual({ create_before_destroy: true, destroy: false });
  });

  test('legacy engine: no destroy = false and no floor; a pinned stable version is protected instead', () => {
    const json = withEngine('legacy');
    expect(json.terraform.required_version).toBeUndefined();
    expect(only(json, 'alicloud_fcv3_function_version').lifecycle).toEqual({ create_before_destroy: true, prevent_destroy: true });
    expect(only(json, 'alicloud_fcv3_layer_version').lifecycle).toEqual({ create_before_destroy: true });
  });

  test('skipDestroy: false lets a replaced layer version be deleted', () => {
    const stack = fcStack();
    new alicloud.Layer(stack, 'lib', { path: lodash, compatibleRuntimes: ['nodejs20'], skipDestroy: false });
    expect(only(synth(stack), 'alicloud_fcv3_layer_version').lifecycle).toEqual({ create_before_destroy: true });
  });

  test('an unknown engine is refused', () => {
    expect(() => withEngine('pulumi')).toThrow('[test/orders/Version] context "cdktf-serverless:engine" must be one of "terraform", "opentofu", "legacy", got "pulumi"');
  });
});

test('alicloud addToRolePolicy refuses "*" with the library error', () => {
  const stack = fcStack();
  const f = fn(stack);
  expect(() => f.addToRolePolicy({ actions: ['oss:GetObject'], resources: ['*'] }))
    .toThrow('[test/orders] policy resources for oss:GetObject must be concrete ARNs (acs:…), got "*"');
});

describe('alicloud.FunctionBase.fromFunctionAttributes', () => {
  test('an existing function by ARN: name, region and account come from it; grants go to its role', () => {
    const stack = fcStack();
    const legacy = alicloud.FunctionBase.fromFunctionAttributes(stack, 'legacy', { functionArn: 'acs:fc:cn-shanghai:1234567890123456:functions/legacy', roleName: 'legacy-role', timeout: 60 });
    expect([legacy.cloud, legacy.functionName, legacy.location]).toEqual(['alicloud', 'legacy', { region: 'cn-shanghai', account: '1234567890123456' }]);
    new alicloud.AsyncWithDeadLetter(stack, 'async', { function: legacy, maxEventAge: 3600 });
    const json = synth(stack);
    expect(only(json, 'alicloud_fcv3_async_invoke_config').function_name).toBe('legacy');
    expect(only(json, 'alicloud_ram_role_policy_attachment')).toEqual(expect.objectContaining({ role_name: 'legacy-role', policy_type: 'Custom' }));
    expect(JSON.parse(only(json, 'alicloud_ram_policy').policy_document).Statement).toEqual([
      { Effect: 'Allow', Action: ['mns:SendMessage'], Resource: [expect.stringMatching(/^acs:mns:cn-shanghai:1234567890123456:\/queues\/\$\{alicloud_message_service_queue\.async_DeadLetterQueue_[0-9A-F]+\.queue_name\}\/messages$/)] },
    ]);
    expect(only(json, 'alicloud_fcv3_async_invoke_config').depends_on).toEqual([expect.stringMatching(/^alicloud_ram_role_policy_attachment\.legacy_RolePolicyAttachment_/)]);
    conforms(json);
  });

  test('bad input: a malformed ARN, and grants without a role', () => {
    const stack = fcStack();
    expect(() => alicloud.FunctionBase.fromFunctionAttributes(stack, 'bad', { functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:x' }))
      .toThrow('[test/bad] functionArn must be an FC3 function ARN: acs:fc:<region>:<account>:functions/<name>, got "arn:aws:lambda:eu-west-1:123456789012:function:x"');
    const legacy = alicloud.FunctionBase.fromFunctionAttributes(stack, 'legacy', { functionArn: 'acs:fc:cn-hangzhou:1234567890123456:functions/legacy' });
    expect(() => new alicloud.AsyncWithDeadLetter(stack, 'async', { function: legacy }))
      .toThrow('[test/legacy] roleName must be given so that mns:SendMessage can be granted to the function\'s role, got nothing');
  });
});
