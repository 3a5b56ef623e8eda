import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { alicloud } from '../../lib';
import { Harness, withHarness } from './harness';

// The aliyun/alicloud release the stacks require. Up to 1.290.0 the provider sends an empty
// `onSuccess: {}` with a failure-only async configuration and FC refuses it (issue 10031); the
// simulated provider reproduces that for those releases, so these steps show the constraint is what
// keeps a user off a broken release.

const code = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-release-'));
fs.writeFileSync(path.join(code, 'index.js'), 'exports.handler = async () => 1;\n');

function failureOnly(app: App): void {
  const stack = new TerraformStack(app, 'app');
  new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  new LocalBackend(stack, { path: '../app/terraform.app.tfstate' });
  const fn = new alicloud.LayeredFunction(stack, 'worker', { functionName: 'worker', runtime: 'nodejs20', handler: 'index.handler', code });
  new alicloud.AsyncWithDeadLetter(stack, 'async', { function: fn });
}

function lockedVersion(harness: Harness): string | undefined {
  const lock = fs.readFileSync(path.join(harness.outdir, 'stacks', 'app', '.terraform.lock.hcl'), 'utf8');
  return /provider "registry\.terraform\.io\/aliyun\/alicloud" \{\s*version\s*=\s*"([^"]+)"/.exec(lock)?.[1];
}

test('terraform init refuses aliyun/alicloud 1.290.0, the last release without the fix', () => {
  withHarness(
    'release-1290',
    (harness) => {
      harness.synth(failureOnly);
      expect(() => harness.terraform('app', ['init', '-input=false'], 'init')).toThrow(/no available releases match the given constraints ~> 1\.291/);
    },
    { alicloudVersions: ['1.290.0'] },
  );
});

test('offered 1.290.0 and 1.291.0, Terraform installs 1.291.0 and the failure-only configuration applies', () => {
  withHarness(
    'release-1291',
    (harness) => {
      harness.synth(failureOnly);
      harness.deploy('app', 'deploy');
      expect(lockedVersion(harness)).toBe('1.291.0');
      expect(harness.journal().filter((e) => e.type === 'alicloud_fcv3_async_invoke_config' && e.op === 'create')).toHaveLength(1);
    },
    { alicloudVersions: ['1.290.0', '1.291.0'] },
  );
});

test('on 1.290.0 (constraint loosened by hand) the same configuration fails as FC refuses it', () => {
  withHarness(
    'release-loosened',
    (harness) => {
      harness.synth(failureOnly);
      const file = path.join(harness.outdir, 'stacks', 'app', 'cdk.tf.json');
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      json.terraform.required_providers.alicloud.version = '1.290.0';
      fs.writeFileSync(file, JSON.stringify(json, null, 2));
      expect(() => harness.deploy('app', 'deploy')).toThrow(/InvalidDestinationResources/);
    },
    { alicloudVersions: ['1.290.0'] },
  );
});
