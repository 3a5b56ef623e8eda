import { TerraformVariable } from 'cdktf';
import { alicloud } from '../lib';
import { loadSchema } from './conformance';
import { expressionOf, only, resources, synth, warnings } from './helpers';
import { conforms, fcStack, IMAGE } from './alicloud-helpers';

describe('alicloud.CustomImageFunction', () => {
  test('custom-container: image, entrypoint = command, command = args, port, health check, HTTP trigger', () => {
    const stack = fcStack();
    const web = new alicloud.CustomImageFunction(stack, 'web', {
      functionName: 'web',
      image: IMAGE,
      command: ['/app/server'],
      args: ['--listen', '0.0.0.0:9000'],
      healthCheck: { path: '/healthz', initialDelay: 5, period: 10, timeout: 2, failureThreshold: 4, successThreshold: 2 },
      memorySize: 2048,
      cpu: 1,
      timeout: 60,
      instanceConcurrency: 50,
      httpTrigger: true,
    });
    const json = synth(stack);
    const f = only(json, 'alicloud_fcv3_function');
    expect(f).toEqual(
      expect.objectContaining({
        runtime: 'custom-container',
        memory_size: 2048,
        cpu: 1,
        timeout: 60,
        instance_concurrency: 50,
        custom_container_config: {
          image: IMAGE,
          entrypoint: ['/app/server'],
          command: ['--listen', '0.0.0.0:9000'],
          port: 9000,
          health_check_config: {
            http_get_url: '/healthz',
            initial_delay_seconds: 5,
            period_seconds: 10,
            timeout_seconds: 2,
            failure_threshold: 4,
            success_threshold: 2,
          },
        },
      }),
    );
    expect(f.code).toBeUndefined();
    expect(f.layers).toBeUndefined();
    // The provider requires a handler for every runtime (resource_alicloud_fcv3_function.go), so it stays.
    expect(
      loadSchema('alicloud.json').provider_schemas['registry.terraform.io/aliyun/alicloud'].resource_schemas.alicloud_fcv3_function.block.attributes!.handler
        .required,
    ).toBe(true);
    expect(f.handler).toBe('index.handler');
    const trigger = only(json, 'alicloud_fcv3_trigger');
    expect(trigger).toEqual(expect.objectContaining({ trigger_type: 'http', trigger_name: 'http', qualifier: 'LATEST' }));
    expect(JSON.parse(trigger.trigger_config)).toEqual({
      authType: 'function',
      methods: ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'],
      disableURLInternet: false,
    });
    expect(expressionOf(stack, web.url)).toBe('${alicloud_fcv3_trigger.web_HttpTrigger_5FADF1B8.http_trigger[0].url_internet}');
    expect(warnings(web)).toEqual([]);
    conforms(json);
  });

  test('the port defaults to 9000; a "latest" tag warns', () => {
    const stack = fcStack();
    const web = new alicloud.CustomImageFunction(stack, 'web', {
      image: 'myinstance-registry-vpc.cn-hangzhou.cr.aliyuncs.com/team/web:latest',
      acrInstanceId: 'cri-abc123',
    });
    expect(only(synth(stack), 'alicloud_fcv3_function').custom_container_config.port).toBe(9000);
    expect(warnings(web)).toEqual([
      'image "myinstance-registry-vpc.cn-hangzhou.cr.aliyuncs.com/team/web:latest" uses the mutable tag "latest": pin a digest (@sha256:…) or an immutable tag so every deploy runs the image you tested',
    ]);
  });

  describe('image pull grant', () => {
    const statements = (json: any) => JSON.parse(only(json, 'alicloud_ram_policy').policy_document).Statement;

    test('Personal Edition: the role gets a registry token ("*" only) and pulls the one repository; the function waits for the grant', () => {
      const stack = fcStack();
      new alicloud.CustomImageFunction(stack, 'web', { image: IMAGE });
      const json = synth(stack);
      expect(statements(json)).toEqual([
        { Effect: 'Allow', Action: ['cr:GetAuthorizationToken'], Resource: ['*'] },
        { Effect: 'Allow', Action: ['cr:PullRepository'], Resource: ['acs:cr:cn-hangzhou:${local.ServerlessAccountId}:repository/demo/web'] },
      ]);
      const f = only(json, 'alicloud_fcv3_function');
      expect(f.depends_on).toEqual([expect.stringMatching(/^alicloud_ram_role_policy_attachment\.web_RolePolicyAttachment_[0-9A-F]{8}$/)]);
      expect(f.custom_container_config.acr_instance_id).toBeUndefined();
      conforms(json);
    });

    test('Enterprise Edition: acrInstanceId goes to FC and into the repository ARN', () => {
      const stack = fcStack();
      new alicloud.CustomImageFunction(stack, 'web', {
        image: 'prod-registry-vpc.cn-hangzhou.cr.aliyuncs.com/team/api/v2@sha256:' + 'b'.repeat(64),
        acrInstanceId: 'cri-0a1b2c3d',
      });
      const json = synth(stack);
      expect(only(json, 'alicloud_fcv3_function').custom_container_config.acr_instance_id).toBe('cri-0a1b2c3d');
      expect(statements(json)[1]).toEqual({
        Effect: 'Allow',
        Action: ['cr:PullRepository'],
        Resource: ['acs:cr:cn-hangzhou:${local.ServerlessAccountId}:repository/cri-0a1b2c3d/team/api/v2'],
      });
      conforms(json);
    });

    test('an image known only at deploy time gets no grant, with a warning saying what to add', () => {
      const stack = fcStack();
      const image = new TerraformVariable(stack, 'image', { type: 'string' }).stringValue;
      const web = new alicloud.CustomImageFunction(stack, 'web', { image });
      expect(resources(synth(stack), 'alicloud_ram_policy')).toEqual({});
      expect(warnings(web)).toEqual([
        'image is not known at synth, so its role gets no pull grant: add cr:GetAuthorizationToken on "*" and cr:PullRepository on the repository with addToRolePolicy',
      ]);
    });

    test.each([
      [
        { image: 'prod-registry.cn-hangzhou.cr.aliyuncs.com/team/api:1' },
        'acrInstanceId must be the Enterprise Edition instance ID ("cri-…") of the image\'s registry, which FC needs to pull from it and the pull grant names, got nothing',
      ],
      [
        { acrInstanceId: 'cri-abc' },
        'acrInstanceId must be unset for a Personal Edition image (registry[-vpc].<region>.aliyuncs.com has no instance), got "cri-abc"',
      ],
      [
        { image: 'prod-registry.cn-hangzhou.cr.aliyuncs.com/team/api:1', acrInstanceId: 'prod' },
        'acrInstanceId must be a Container Registry Enterprise Edition instance ID ("cri-…"), got "prod"',
      ],
      [
        { image: 'registry.cn-shanghai.aliyuncs.com/demo/web:1' },
        'image must be an image in the function\'s region cn-hangzhou (FC pulls only from Container Registry in the function\'s region and account), got "cn-shanghai (demo/web)"',
      ],
    ])('%j is refused', (props, message) => {
      const stack = fcStack();
      expect(() => new alicloud.CustomImageFunction(stack, 'web', { image: IMAGE, ...(props as object) } as alicloud.CustomImageFunctionProps)).toThrow(
        `[test/web] ${message}`,
      );
    });
  });

  describe('bad input', () => {
    test.each([
      [{ image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1' }, 'image must be an Alibaba Cloud Container Registry image'],
      [
        { image: 'docker.io/library/nginx:1.27' },
        'image must be an Alibaba Cloud Container Registry image: "registry[-vpc].<region>.aliyuncs.com/<namespace>/<repository>:<tag>" or "<instance>-registry[-vpc].<region>.cr.aliyuncs.com/<namespace>/<repository>:<tag>" (or @sha256:<digest>), got "docker.io/library/nginx:1.27"',
      ],
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
      [
        { layers: ['acs:fc:cn-hangzhou:123:layers/x/versions/1'] } as any,
        'layers must be left out: container image functions cannot use layers (put the files in the image), got 1 layer',
      ],
    ])('%j is refused', (props, message) => {
      const stack = fcStack();
      expect(() => new alicloud.CustomImageFunction(stack, 'web', { image: IMAGE, ...(props as object) } as alicloud.CustomImageFunctionProps)).toThrow(
        `[test/web] ${message}`,
      );
    });
  });
});
