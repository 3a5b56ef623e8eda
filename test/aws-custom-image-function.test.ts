import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { aws } from '../lib';
import { awsStack, expressionOf, only, resources, synth, warnings } from './helpers';
import { conformanceErrors, loadSchema } from './conformance';

const DIGEST = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web@sha256:' + 'a'.repeat(64);

describe('aws.CustomImageFunction', () => {
  test('image, command -> entry_point, args -> command, adapter settings, publish, function URL with IAM auth', () => {
    const { stack } = awsStack();
    const fn = new aws.CustomImageFunction(stack, 'web', {
      functionName: 'web',
      image: DIGEST,
      command: ['/app/server'],
      args: ['--listen', '0.0.0.0:9000'],
      workingDirectory: '/app',
      port: 9000,
      healthCheck: { path: '/healthz' },
      memorySize: 1024,
      timeout: 30,
      reservedConcurrency: 10,
      architecture: aws.Architecture.ARM_64,
      environment: { MODE: 'prod' },
      httpTrigger: true,
    });
    const json = synth(stack);
    const f = only(json, 'aws_lambda_function');
    expect(f).toEqual(
      expect.objectContaining({
        package_type: 'Image',
        image_uri: DIGEST,
        publish: true,
        memory_size: 1024,
        timeout: 30,
        reserved_concurrent_executions: 10,
        architectures: ['arm64'],
        image_config: { entry_point: ['/app/server'], command: ['--listen', '0.0.0.0:9000'], working_directory: '/app' },
        environment: { variables: { MODE: 'prod', AWS_LWA_PORT: '9000', AWS_LWA_READINESS_CHECK_PATH: '/healthz' } },
      }),
    );
    expect(f.handler).toBeUndefined();
    expect(f.runtime).toBeUndefined();
    expect(f.layers).toBeUndefined();
    const url = only(json, 'aws_lambda_function_url');
    expect(url).toEqual({
      authorization_type: 'AWS_IAM',
      function_name: expect.stringMatching(/^\$\{aws_lambda_function\.web\.function_name\}$/),
    });
    expect(resources(json, 'aws_lambda_permission')).toEqual({});
    expect(expressionOf(stack, fn.url)).toMatch(/^\$\{aws_lambda_function_url\.web_FunctionUrl_[0-9A-F]+\.function_url\}$/);
    expect(warnings(fn)).toEqual([]);
  });

  // The binding decides: @cdktn/provider-aws (hashicorp/aws 6.66.0) has invoked_via_function_url,
  // @cdktf/provider-aws (6.25.0) does not. This suite runs on both.
  const viaUrl = 'invokedViaFunctionUrl' in LambdaPermission.prototype;

  (viaUrl ? test : test.skip)('cdktn: a public URL (auth NONE) gets exactly InvokeFunctionUrl for anyone and InvokeFunction through the URL only', () => {
    const { stack } = awsStack();
    const fn = new aws.CustomImageFunction(stack, 'web', {
      image: DIGEST,
      httpTrigger: { authType: aws.HttpAuthType.NONE, allowOrigins: ['https://example.com'], qualifier: 'live' },
    });
    const json = synth(stack);
    expect(only(json, 'aws_lambda_function_url')).toEqual(
      expect.objectContaining({
        authorization_type: 'NONE',
        qualifier: 'live',
        cors: { allow_origins: ['https://example.com'], allow_methods: ['*'] },
      }),
    );
    const name = '${aws_lambda_function.web.function_name}';
    expect(Object.values<any>(resources(json, 'aws_lambda_permission')).sort((a, b) => a.action.localeCompare(b.action))).toEqual([
      {
        action: 'lambda:InvokeFunction',
        function_name: name,
        invoked_via_function_url: true,
        principal: '*',
        qualifier: 'live',
        statement_id: 'FunctionUrlAllowInvokeViaUrl',
      },
      {
        action: 'lambda:InvokeFunctionUrl',
        function_name: name,
        function_url_auth_type: 'NONE',
        principal: '*',
        qualifier: 'live',
        statement_id: 'FunctionUrlAllowPublicAccess',
      },
    ]);
    expect(fn.publicInvokePermission).toBeDefined();
    expect(warnings(fn)).toEqual([]);
    expect(conformanceErrors(json, loadSchema('aws-6.66.0.json'), 'aws_')).toEqual([]);
  });

  (viaUrl ? test : test.skip)('cdktn: a public URL with CORS origin "*" warns', () => {
    const { stack } = awsStack();
    const fn = new aws.CustomImageFunction(stack, 'web', { image: DIGEST, httpTrigger: { authType: aws.HttpAuthType.NONE, allowOrigins: ['*'] } });
    expect(warnings(fn)).toEqual(['httpTrigger.allowOrigins: a public URL (authType NONE) that any origin\'s scripts may call (CORS "*"): name the origins']);
  });

  (viaUrl ? test.skip : test)('cdktf: a public URL (auth NONE) is refused, naming the way out; AWS_IAM passes', () => {
    const { stack } = awsStack();
    expect(() => new aws.CustomImageFunction(stack, 'web', { image: DIGEST, httpTrigger: { authType: aws.HttpAuthType.NONE } })).toThrow(
      '[test/web] httpTrigger.authType must be HttpAuthType.AWS_IAM with @cdktf/provider-aws (hashicorp/aws 6.25.0): a public function URL also needs lambda:InvokeFunction limited to calls through the URL (aws_lambda_permission.invoked_via_function_url), which that provider version cannot express, and without it the URL answers 403; sign requests (AWS_IAM) or use the cdktn flavour (cdktn-serverless-constructs, hashicorp/aws 6.66.0), got "NONE"',
    );
    new aws.CustomImageFunction(stack, 'signed', { image: DIGEST, httpTrigger: { authType: aws.HttpAuthType.AWS_IAM } });
    expect(resources(synth(stack), 'aws_lambda_permission')).toEqual({});
  });

  test('without port or health check the adapter defaults apply and no image_config is emitted', () => {
    const { stack } = awsStack();
    new aws.CustomImageFunction(stack, 'web', { image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web:1.4.2' });
    const f = only(synth(stack), 'aws_lambda_function');
    expect(f.image_config).toBeUndefined();
    expect(f.environment).toBeUndefined();
  });

  test.each([
    ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:latest', 'uses the mutable tag "latest"'],
    ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/web', 'has no tag (Lambda takes "latest")'],
  ])('image %s warns to pin a digest', (image, reason) => {
    const { stack } = awsStack();
    const fn = new aws.CustomImageFunction(stack, 'web', { image });
    expect(warnings(fn)).toEqual([
      `image ${JSON.stringify(image)} ${reason}: pin a digest (@sha256:…) or an immutable tag so every deploy runs the image you tested`,
    ]);
  });

  describe('bad input', () => {
    test.each([
      [
        { image: 'docker.io/library/nginx:1.27' },
        'image must be an ECR image URI "<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>" or "…/<repository>@sha256:<digest>", got "docker.io/library/nginx:1.27"',
      ],
      [{ image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web@sha256:abc' }, 'image must be an ECR image URI'],
      [{ image: DIGEST, port: 0 }, 'port must be an integer between 1 and 65535, got 0'],
      [{ image: DIGEST, port: 65536 }, 'port must be an integer between 1 and 65535, got 65536'],
      [
        { image: DIGEST, healthCheck: { path: 'healthz' } },
        'healthCheck.path must be 1-2048 characters of an HTTP path starting with "/" and without spaces, got "healthz"',
      ],
      [{ image: DIGEST, memorySize: 64 }, 'memorySize must be an integer between 128 and 10240 MB, got 64'],
      [{ image: DIGEST, timeout: 1000 }, 'timeout must be an integer between 1 and 900 s, got 1000'],
      [{ image: DIGEST, command: [] }, 'command must be a list of 1 to 1500 strings, got []'],
      [
        { image: DIGEST, port: 9000, environment: { AWS_LWA_PORT: '8080' } },
        'environment.AWS_LWA_PORT must be left to the construct, which sets it from port, got "8080"',
      ],
      [{ image: DIGEST, httpTrigger: { authType: 'PUBLIC' as aws.HttpAuthType } }, 'httpTrigger.authType must be one of "AWS_IAM", "NONE", got "PUBLIC"'],
      [
        { image: DIGEST, layers: ['arn:aws:lambda:eu-west-1:123456789012:layer:x:1'] } as any,
        'layers must be left out: container image functions cannot use layers (put the files in the image), got 1 layer',
      ],
    ])('%j is refused', (props, message) => {
      const { stack } = awsStack();
      expect(() => new aws.CustomImageFunction(stack, 'web', props as aws.CustomImageFunctionProps)).toThrow(`[test/web] ${message}`);
    });
  });
});
