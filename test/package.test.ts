import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { exec, installedVersion, scratchApp } from './scratch-app';

const root = path.resolve(__dirname, '..');

test('npm pack, install the tarball into a separate cdktf app, and synthesize a stack importing it by name', () => {
  // This flavour only: the cdktn package test builds the other one in parallel.
  exec('node', [path.join(root, 'scripts', 'build.js'), 'cdktf'], root);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-pack-'));
  const packed = JSON.parse(exec('npm', ['pack', '--json', '--pack-destination', work], root))[0];
  const files: string[] = packed.files.map((f: { path: string }) => f.path);
  expect(files).toContain('dist/index.js');
  expect(files).toContain('dist/index.d.ts');
  expect(files).toContain('dist/aws/layered-function.d.ts');
  expect(files.some((f) => f.startsWith('test/') || f.startsWith('lib/') || f.startsWith('examples/'))).toBe(false);

  const app = scratchApp(
    path.join(work, 'app'),
    'consumer-app',
    {
      'cdktf-serverless-constructs': `file:../${packed.filename}`,
      cdktf: installedVersion('cdktf'),
      constructs: installedVersion('constructs'),
      '@cdktf/provider-aws': installedVersion('@cdktf/provider-aws'),
    },
    `
const { App, TerraformStack } = require('cdktf');
const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
const { aws } = require('cdktf-serverless-constructs');
const app = new App({ stackTraces: false });
const stack = new TerraformStack(app, 'consumer');
new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
const layer = new aws.Layer(stack, 'util', { path: 'layer', compatibleRuntimes: ['nodejs22.x'] });
const fn = new aws.LayeredFunction(stack, 'fn', { runtime: 'nodejs22.x', handler: 'index.handler', code: 'code', layers: [layer] });
new aws.CanaryAlias(stack, 'live', { function: fn });
app.synth();
const providerRoot = Object.keys(require.cache).some((k) => /@cdktf[\\\\/]provider-aws[\\\\/]lib[\\\\/]index\\.js$/.test(k));
console.log(JSON.stringify({ resolved: require.resolve('cdktf-serverless-constructs'), providerRoot }));
`,
  );
  fs.writeFileSync(path.join(app, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: 'node main.js' }));
  const out = JSON.parse(exec('node', ['main.js'], app).trim().split('\n').pop()!);
  expect(out.resolved).toBe(path.join(fs.realpathSync(app), 'node_modules', 'cdktf-serverless-constructs', 'dist', 'index.js'));
  expect(out.providerRoot).toBe(false);
  const json = JSON.parse(fs.readFileSync(path.join(app, 'cdktf.out', 'stacks', 'consumer', 'cdk.tf.json'), 'utf8'));
  expect(Object.keys(json.resource).sort()).toEqual([
    'aws_cloudwatch_log_group',
    'aws_iam_role',
    'aws_iam_role_policy',
    'aws_lambda_alias',
    'aws_lambda_function',
    'aws_lambda_layer_version',
    'aws_s3_bucket',
    'aws_s3_bucket_lifecycle_configuration',
    'aws_s3_bucket_ownership_controls',
    'aws_s3_bucket_public_access_block',
    'aws_s3_bucket_server_side_encryption_configuration',
    'aws_s3_bucket_versioning',
    'aws_s3_object',
  ]);
  const fn = Object.values<any>(json.resource.aws_lambda_function)[0];
  expect(fn.layers).toEqual([expect.stringMatching(/^\$\{aws_lambda_layer_version\.util\.arn\}$/)]);
  // The zip was written into the stack's assets folder, relative to the stack.
  const obj = Object.values<any>(json.resource.aws_s3_object)[0];
  expect(fs.existsSync(path.join(app, 'cdktf.out', 'stacks', 'consumer', obj.source))).toBe(true);

  // The generated Alibaba Cloud bindings, the escape hatch, from their subpath: each module by path
  // and all of them as namespaces, at run time and for TypeScript under both module resolutions.
  fs.writeFileSync(
    path.join(app, 'bindings.js'),
    `
const { App, TerraformStack } = require('cdktf');
const { OssBucket } = require('cdktf-serverless-constructs/alicloud-provider/oss-bucket');
const bindings = require('cdktf-serverless-constructs/alicloud-provider');
const app = new App({ stackTraces: false, outdir: 'bindings.out' });
const stack = new TerraformStack(app, 'raw');
new bindings.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
new OssBucket(stack, 'b', { bucket: 'raw-bucket' });
app.synth();
console.log(JSON.stringify({ same: bindings.ossBucket.OssBucket === OssBucket, modules: Object.keys(bindings).sort() }));
`,
  );
  const bindings = JSON.parse(exec('node', ['bindings.js'], app).trim().split('\n').pop()!);
  expect(bindings.same).toBe(true);
  expect(bindings.modules).toEqual(expect.arrayContaining(['fcv3Function', 'fcv3Trigger', 'ossBucket', 'provider', 'ramRole']));
  const raw = JSON.parse(fs.readFileSync(path.join(app, 'bindings.out', 'stacks', 'raw', 'cdk.tf.json'), 'utf8'));
  expect(raw.resource.alicloud_oss_bucket.b.bucket).toBe('raw-bucket');
  expect(raw.terraform.required_providers.alicloud.source).toBe('aliyun/alicloud');
  fs.writeFileSync(
    path.join(app, 'check.ts'),
    `import { Fcv3Function } from 'cdktf-serverless-constructs/alicloud-provider/fcv3-function';
import { fcv3Function, provider } from 'cdktf-serverless-constructs/alicloud-provider';
const same: typeof fcv3Function.Fcv3Function = Fcv3Function;
const config: provider.AlicloudProviderConfig = { region: 'cn-hangzhou' };
export { same, config };
`,
  );
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const resolution of [
    ['--module', 'node16', '--moduleResolution', 'node16'],
    ['--module', 'commonjs', '--moduleResolution', 'node10'],
  ]) {
    exec('node', [tsc, '--noEmit', '--strict', '--skipLibCheck', ...resolution, 'check.ts'], app);
  }
});
