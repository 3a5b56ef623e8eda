import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { alicloud, aws } from '../../lib';
import { withHarness } from './harness';

// `terraform destroy` of a stack whose versioned artifact bucket holds zips: refused by the cloud
// unless the bucket was created with forceDestroy.

const code = fs.mkdtempSync(path.join(os.tmpdir(), 'destroy-'));
fs.writeFileSync(path.join(code, 'index.js'), 'exports.handler = async () => 1;\n');

const CLOUDS = {
  aws(app: App, forceDestroy: boolean) {
    const stack = new TerraformStack(app, 'app');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new LocalBackend(stack, { path: '../app/terraform.app.tfstate' });
    aws.ArtifactBucket.of(stack, { forceDestroy });
    new aws.LayeredFunction(stack, 'f', { functionName: 'f', runtime: 'nodejs22.x', handler: 'index.handler', code });
  },
  alicloud(app: App, forceDestroy: boolean) {
    const stack = new TerraformStack(app, 'app');
    new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    new LocalBackend(stack, { path: '../app/terraform.app.tfstate' });
    alicloud.ArtifactBucket.of(stack, { forceDestroy });
    // FC3 versions are forgotten on destroy; the layer-free function keeps the example small.
    new alicloud.LayeredFunction(stack, 'f', { functionName: 'f', runtime: 'nodejs20', handler: 'index.handler', code });
  },
};

describe.each(Object.entries(CLOUDS))('destroying a stack on %s', (cloudName, build) => {
  test('without forceDestroy the versioned bucket that holds zips is not deleted', () => {
    withHarness(`destroy-${cloudName}`, (harness) => {
      harness.synth((app) => build(app, false));
      harness.deploy('app', 'deploy');
      expect(() => harness.destroy('app', 'destroy')).toThrow(/BucketNotEmpty/);
    });
  });

  test('with forceDestroy, terraform destroy completes', () => {
    withHarness(`destroy-force-${cloudName}`, (harness) => {
      harness.synth((app) => build(app, true));
      harness.deploy('app', 'deploy');
      expect(harness.destroy('app', 'destroy')).toMatch(/Destroy complete!/);
      expect(harness.journal().filter((e) => e.op === 'delete' && /bucket$/.test(e.type))).toHaveLength(1);
    });
  });
});

test('the simulated providers serve terraform import (ImportResourceState, then a read)', () => {
  withHarness('import', (harness) => {
    harness.synth((app) => CLOUDS.aws(app, true));
    harness.deploy('app', 'deploy');
    const state = harness.state('app').values.root_module.resources.find((r: any) => r.type === 'aws_iam_role');
    expect(state).toBeDefined();
    const address: string = state.address;
    // Forget it, then bring it back by its id as a user would after a manual change.
    harness.terraform('app', ['state', 'rm', address], 'forget');
    harness.terraform('app', ['import', '-input=false', address, state.values.id], 'import');
    const imported = harness.state('app').values.root_module.resources.find((r: any) => r.address === address);
    expect(imported.values.id).toBe(state.values.id);
  });
});
