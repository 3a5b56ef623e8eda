import { TerraformStack, Testing } from 'cdktf';
import { alicloud } from '../lib';
import { expressionOf, makeFolder, only, resources, synth, warnings } from './helpers';
import { code, conforms, fcStack, fn, layer, lodash, patch } from './alicloud-helpers';

describe('alicloud.Layer and LayeredFunction', () => {
  test('layer: zip in a private, encrypted, versioned OSS bucket, published as a layer version', () => {
    const stack = fcStack();
    const l = new alicloud.Layer(stack, 'lodash', { path: lodash, compatibleRuntimes: ['nodejs20', 'nodejs18'], layerName: 'lodash', description: 'lodash' });
    const json = synth(stack);
    expect(only(json, 'alicloud_fcv3_layer_version')).toEqual(
      expect.objectContaining({
        // Sorted: FC returns the runtimes in its own order and the list is ForceNew.
        layer_name: 'lodash',
        compatible_runtime: ['nodejs18', 'nodejs20'],
        description: 'lodash',
        acl: '0',
        code: {
          oss_bucket_name: expect.stringMatching(/^\$\{alicloud_oss_bucket_object\.lodash_Object_[0-9A-F]+\.bucket\}$/),
          oss_object_name: expect.stringMatching(/^\$\{alicloud_oss_bucket_object\.lodash_Object_[0-9A-F]+\.key\}$/),
        },
        // A replaced layer version is forgotten, never deleted: functions elsewhere still use it.
        lifecycle: { create_before_destroy: true, destroy: false },
      }),
    );
    expect(only(json, 'alicloud_oss_bucket_object')).toEqual(
      expect.objectContaining({
        key: `layers/lodash/${l.packaged.contentHash}.zip`,
        content_md5: l.packaged.zipMd5,
        acl: 'private',
        server_side_encryption: 'AES256',
      }),
    );
    expect(only(json, 'alicloud_oss_bucket')).toEqual(
      expect.objectContaining({
        bucket: expect.stringMatching(
          /^serverless-artifacts-\$\{substr\(sha256\(join\("\\n", \["test", "cn-hangzhou", data\.alicloud_account\.ServerlessArtifacts_Account_[0-9A-F]{8}\.id\]\)\), 0, 12\)\}$/,
        ),
        server_side_encryption_rule: { sse_algorithm: 'AES256' },
        versioning: { status: 'Enabled' },
      }),
    );
    expect(only(json, 'alicloud_oss_bucket').acl).toBeUndefined();
    expect(expressionOf(stack, l.arn)).toBe('${alicloud_fcv3_layer_version.lodash.layer_version_arn}');
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
    expect(warnings(f)).toEqual([
      'layers: file "nodejs/node_modules/lodash/lodash.js" is in layers "lodash", "patch"; "patch" wins (a later layer overrides the same file of an earlier one)',
    ]);
    conforms(json);
  });

  test('function: code from OSS, settings, RAM role only FC may assume, no policy until something is granted', () => {
    const stack = fcStack();
    const f = fn(stack, {
      memorySize: 1024,
      cpu: 0.5,
      timeout: 60,
      diskSize: 10240,
      instanceConcurrency: 10,
      environment: { TABLE: 'orders' },
      description: 'orders',
    });
    const json = synth(stack);
    expect(only(json, 'alicloud_fcv3_function')).toEqual(
      expect.objectContaining({
        function_name: 'orders',
        runtime: 'nodejs20',
        handler: 'index.handler',
        memory_size: 1024,
        cpu: 0.5,
        timeout: 60,
        disk_size: 10240,
        instance_concurrency: 10,
        environment_variables: { TABLE: 'orders' },
        description: 'orders',
        role: expect.stringMatching(/^\$\{alicloud_ram_role\.orders_Role_[0-9A-F]+\.arn\}$/),
        code: {
          oss_bucket_name: expect.stringMatching(/^\$\{alicloud_oss_bucket_object\.ServerlessCode_Object-[0-9a-f]{16}_[0-9A-F]+\.bucket\}$/),
          oss_object_name: expect.stringMatching(/^\$\{alicloud_oss_bucket_object\.ServerlessCode_Object-[0-9a-f]{16}_[0-9A-F]+\.key\}$/),
        },
      }),
    );
    expect(JSON.parse(only(json, 'alicloud_ram_role').assume_role_policy_document)).toEqual({
      Version: '1',
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['fc.aliyuncs.com'] } }],
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
    expect(policy.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['log:PostLogStoreLogs'],
        Resource: [expect.stringMatching(/^acs:log:cn-hangzhou:\$\{local\.ServerlessAccountId\}:project\/app-logs\/logstore\/orders$/)],
      },
    ]);
    const f = only(json, 'alicloud_fcv3_function');
    expect(f.log_config).toEqual(expect.objectContaining({ project: 'app-logs', logstore: 'orders' }));
    expect(f.depends_on).toEqual([expect.stringMatching(/^alicloud_ram_role_policy_attachment\.orders_RolePolicyAttachment_/)]);
    expect(only(json, 'alicloud_ram_role_policy_attachment')).toEqual(expect.objectContaining({ policy_type: 'Custom' }));
    conforms(json);
  });

  test('httpTrigger: true adds an HTTP trigger (signed requests, every method) on LATEST; its public URL is `url`', () => {
    const stack = fcStack();
    const f = fn(stack, { httpTrigger: true });
    const json = synth(stack);
    const trigger = only(json, 'alicloud_fcv3_trigger');
    expect(trigger).toEqual(
      expect.objectContaining({
        function_name: '${alicloud_fcv3_function.orders.function_name}',
        trigger_type: 'http',
        trigger_name: 'http',
        qualifier: 'LATEST',
      }),
    );
    expect(JSON.parse(trigger.trigger_config)).toEqual({
      authType: 'function',
      methods: ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'],
      disableURLInternet: false,
    });
    expect(expressionOf(stack, f.url)).toMatch(/^\$\{alicloud_fcv3_trigger\.orders_HttpTrigger_[0-9A-F]+\.http_trigger\[0\]\.url_internet\}$/);
    conforms(json);
  });

  test('httpTrigger options as on CustomImageFunction: anonymous, methods, qualifier, no public URL; bad values refused', () => {
    const stack = fcStack();
    fn(stack, { httpTrigger: { authType: alicloud.HttpAuthType.ANONYMOUS, methods: ['GET'], qualifier: 'live', disableUrlInternet: true } });
    const trigger = only(synth(stack), 'alicloud_fcv3_trigger');
    expect(trigger.qualifier).toBe('live');
    expect(JSON.parse(trigger.trigger_config)).toEqual({ authType: 'anonymous', methods: ['GET'], disableURLInternet: true });
    expect(fn(fcStack()).url).toBeUndefined();
    expect(() => fn(fcStack(), { httpTrigger: { methods: ['FETCH'] } })).toThrow(
      '[test/orders] httpTrigger.methods must be one of "GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS", got "FETCH"',
    );
    expect(() => fn(fcStack(), { httpTrigger: { authType: 'public' as alicloud.HttpAuthType } })).toThrow(
      '[test/orders] httpTrigger.authType must be one of "function", "anonymous", got "public"',
    );
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

  test('vpc: VPC, vSwitches and the one security group go to vpc_config; FC uses its service-linked role, so the function role gets nothing', () => {
    const stack = fcStack();
    fn(stack, { vpc: { vpcId: 'vpc-bp1a', subnetIds: ['vsw-bp1a', 'vsw-bp1b'], securityGroupIds: ['sg-bp1a'] } });
    const json = synth(stack);
    expect(only(json, 'alicloud_fcv3_function').vpc_config).toEqual({
      vpc_id: 'vpc-bp1a',
      vswitch_ids: ['vsw-bp1a', 'vsw-bp1b'],
      security_group_id: 'sg-bp1a',
    });
    expect(resources(json, 'alicloud_ram_policy')).toEqual({});
    conforms(json);
  });

  test.each([
    [{ vpc: { vpcId: 'vpc-bp1a', subnetIds: [], securityGroupIds: ['sg-bp1a'] } }, 'vpc.subnetIds must be at least one ID ("vsw-…" each), got 0'],
    [
      { vpc: { vpcId: 'vpc-bp1a', subnetIds: ['subnet-0a1b2c3d'], securityGroupIds: ['sg-bp1a'] } },
      'vpc.subnetIds must be an ID of the form "vsw-…", got "subnet-0a1b2c3d"',
    ],
    [
      { vpc: { vpcId: 'vpc-bp1a', subnetIds: ['vsw-bp1a'], securityGroupIds: ['sg-bp1a', 'sg-bp1b'] } },
      'vpc.securityGroupIds must be exactly one ID ("sg-…"), got 2',
    ],
    [{ vpc: { vpcId: 'bp1a', subnetIds: ['vsw-bp1a'], securityGroupIds: ['sg-bp1a'] } }, 'vpc.vpcId must be an ID of the form "vpc-…", got "bp1a"'],
  ])('vpc %j is refused', (props, message) => {
    expect(() => fn(fcStack(), props)).toThrow(`[test/orders] ${message}`);
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
      [
        { functionName: 'a'.repeat(65) },
        `functionName must be 1-64 characters of letters, digits, "_" and "-", starting with a letter or "_", got "${'a'.repeat(65)}"`,
      ],
      [{ runtime: 'nodejs22' }, 'runtime must be one of "python3.12"'],
      [{ environment: { FC_REGION: 'x' } }, 'environment key must be a name the platform does not reserve'],
      [
        { environment: { BIG: 'x'.repeat(4094) } },
        'environment must have at most 4096 bytes of keys and values in all (FC "Configure environment variables": 4 KB), got "4097 bytes"',
      ],
      [{ layers: [1, 2, 3, 4, 5, 6].map((n) => `acs:fc:cn-hangzhou:123:layers/l${n}/versions/1`) }, 'layers must have at most 5 layers, got 6'],
    ])('%j is refused', (override, message) => {
      const stack = fcStack();
      expect(() => fn(stack, override as Partial<alicloud.LayeredFunctionProps>)).toThrow(`[test/orders] ${message}`);
    });

    test('environment at exactly 4 KB, multi-byte characters counted as UTF-8 bytes', () => {
      expect(() => fn(fcStack(), { environment: { BIG: 'x'.repeat(4093) } })).not.toThrow();
      expect(() => fn(fcStack(), { environment: { BIG: '€'.repeat(1365) } })).toThrow('got "4098 bytes"');
    });

    test('layer names and runtime compatibility', () => {
      const stack = fcStack();
      expect(() => new alicloud.Layer(stack, 'bad', { path: lodash, compatibleRuntimes: ['nodejs20'], layerName: '-lodash' })).toThrow(
        '[test/bad] layerName must be 1-64 characters of letters, digits, "_" and "-", starting with a letter or "_", got "-lodash"',
      );
      expect(() => new alicloud.Layer(stack, 'long', { path: lodash, compatibleRuntimes: ['nodejs20'], layerName: 'l'.repeat(65) })).toThrow(
        `[test/long] layerName must be 1-64 characters of letters, digits, "_" and "-", starting with a letter or "_", got "${'l'.repeat(65)}"`,
      );
      const py = layer(stack, 'py', lodash, ['python3.12']);
      expect(() => fn(stack, { layers: [py] })).toThrow(
        '[test/orders] layers[0] must be a layer compatible with runtime "nodejs20" (layer "py" lists python3.12), got "py"',
      );
      expect(() => alicloud.Layer.fromLayerVersionArn(stack, 'arn', 'arn:aws:lambda:eu-west-1:123456789012:layer:x:1')).toThrow(
        '[test/arn] arn must be a layer version ARN (acs:fc:<region>:<account>:layers/<name>/versions/<version>), got "arn:aws:lambda:eu-west-1:123456789012:layer:x:1"',
      );
    });

    test("the account in ARNs: one stack-level local read from a role, or the provider's literal account_id", () => {
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
      expect(JSON.parse(only(pinnedJson, 'alicloud_ram_policy').policy_document).Statement[0].Resource).toEqual([
        'acs:log:cn-shanghai:1234567890:project/p/logstore/l',
      ]);
    });

    test('a provider without a literal region: fine until an ARN is needed, then a clear error', () => {
      const stack = fcStack(null);
      const f = fn(stack);
      expect(only(synth(stack), 'alicloud_fcv3_function').function_name).toBe('orders');
      expect(() => new alicloud.AsyncWithDeadLetter(stack, 'async', { function: f })).toThrow(
        '[test/async] region must be set on the AlicloudProvider of stack test (or in context "cdktf-serverless:alicloudRegion") so RAM policies name exact resources, got nothing',
      );
      expect(() => fn(fcStack(null), { logConfig: { project: 'p', logstore: 'l' } })).toThrow(
        '[test/orders] region must be set on the AlicloudProvider of stack test (or in context "cdktf-serverless:alicloudRegion") so RAM policies name exact resources, got nothing',
      );
    });
  });
});
