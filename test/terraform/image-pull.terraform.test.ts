import * as fs from 'fs';
import * as path from 'path';
import { LocalBackend, TerraformStack } from 'cdktf';
import { alicloud } from '../../lib';
import { withHarness } from './harness';

// FC pulls a custom container image with the function's role when it creates the function: the
// library grants exactly the registry token and the pull of the one repository, before the function.

const DIGEST = '@sha256:' + 'c'.repeat(64);

function imageStack(image: string, acrInstanceId?: string) {
  return (app: any) => {
    const stack = new TerraformStack(app, 'app');
    new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    new LocalBackend(stack, { path: '../app/terraform.app.tfstate' });
    new alicloud.CustomImageFunction(stack, 'web', { functionName: 'web', image, acrInstanceId, httpTrigger: true });
  };
}

test.each([
  ['Personal Edition', 'registry.cn-hangzhou.aliyuncs.com/demo/web' + DIGEST, undefined],
  ['Enterprise Edition', 'prod-registry-vpc.cn-hangzhou.cr.aliyuncs.com/team/web' + DIGEST, 'cri-0a1b2c3d'],
])('an image in the %s: the function is created with the pull grant in place, and a second plan is empty', (_edition, image, instance) => {
  withHarness('image-pull', (harness) => {
    harness.synth(imageStack(image, instance));
    harness.deploy('app', 'deploy');
    expect(Object.keys(harness.cloud().fcFunctions)).toEqual(['web']);
  });
});

test('without the repository statement FC cannot pull the image and the apply fails', () => {
  withHarness('image-pull-denied', (harness) => {
    harness.synth(imageStack('registry.cn-hangzhou.aliyuncs.com/demo/web' + DIGEST));
    const file = path.join(harness.outdir, 'stacks', 'app', 'cdk.tf.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    const policy: any = Object.values(json.resource.alicloud_ram_policy)[0];
    const document = JSON.parse(policy.policy_document);
    document.Statement = document.Statement.filter((s: any) => !s.Action.includes('cr:PullRepository'));
    policy.policy_document = JSON.stringify(document);
    fs.writeFileSync(file, JSON.stringify(json, null, 2));
    expect(() => harness.deploy('app', 'deploy')).toThrow(
      /AccessDenied: the function's role may not cr:PullRepository on\s+acs:cr:cn-hangzhou:1234567890123456:repository\/demo\/web/,
    );
  });
});
