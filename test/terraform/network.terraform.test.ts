import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { alicloud, aws } from '../../lib';
import { withHarness } from './harness';

// Functions in a VPC (and traced, on AWS): Lambda checks at creation that the role may manage
// network interfaces, so the grant and the order must be right for the apply to pass.

const code = fs.mkdtempSync(path.join(os.tmpdir(), 'network-'));
fs.writeFileSync(path.join(code, 'index.js'), 'exports.handler = async () => 1;\n');

function awsVpcStack(app: App): void {
  const stack = new TerraformStack(app, 'app');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  new LocalBackend(stack, { path: '../app/terraform.app.tfstate' });
  new aws.LayeredFunction(stack, 'f', {
    functionName: 'f',
    runtime: 'nodejs22.x',
    handler: 'index.handler',
    code,
    vpc: { subnetIds: ['subnet-0a1b2c3d', 'subnet-0e1f2a3b'], securityGroupIds: ['sg-0a1b2c3d'] },
    tracing: aws.Tracing.ACTIVE,
    environment: { MODE: 'a' },
    environmentEncryption: 'arn:aws:kms:eu-west-1:123456789012:alias/lambda-env',
  });
}

test('AWS: a VPC function with tracing is created (the role may manage network interfaces), and a second plan is empty', () => {
  withHarness('network-aws', (harness) => {
    harness.synth(awsVpcStack);
    harness.deploy('app', 'deploy');
    expect(harness.journal().filter((e) => e.type === 'aws_lambda_function' && e.op === 'create')).toHaveLength(1);
  });
});

test('AWS: without the network-interface statement Lambda refuses to create the function', () => {
  withHarness('network-aws-denied', (harness) => {
    harness.synth(awsVpcStack);
    const file = path.join(harness.outdir, 'stacks', 'app', 'cdk.tf.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    const policy: any = Object.values(json.resource.aws_iam_role_policy)[0];
    // The policy is rendered at synth with references; drop the statement by its Sid.
    policy.policy = policy.policy.replace(/,\{"Sid":"ManageNetworkInterfaces"[^}]*\}/, '');
    fs.writeFileSync(file, JSON.stringify(json, null, 2));
    expect(() => harness.deploy('app', 'deploy')).toThrow(/does not have\s+permissions to call\s+CreateNetworkInterface\s+on EC2/);
  });
});

test('Alibaba Cloud: a function in a VPC deploys and a second plan is empty', () => {
  withHarness('network-alicloud', (harness) => {
    harness.synth((app) => {
      const stack = new TerraformStack(app, 'app');
      new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
      new LocalBackend(stack, { path: '../app/terraform.app.tfstate' });
      new alicloud.LayeredFunction(stack, 'f', {
        functionName: 'f',
        runtime: 'nodejs20',
        handler: 'index.handler',
        code,
        vpc: { vpcId: 'vpc-bp1a', subnetIds: ['vsw-bp1a', 'vsw-bp1b'], securityGroupIds: ['sg-bp1a'] },
      });
    });
    const { changes } = harness.deployPlanned('app', 'deploy');
    expect(changes.find((c) => c.type === 'alicloud_fcv3_function')!.after.vpc_config).toEqual([
      { vpc_id: 'vpc-bp1a', vswitch_ids: ['vsw-bp1a', 'vsw-bp1b'], security_group_id: 'sg-bp1a' },
    ]);
  });
});
