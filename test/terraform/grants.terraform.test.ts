import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalBackend, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { alicloud, aws } from '../../lib';
import { RamRole } from '../../lib/generated/alicloud/ram-role';
import { withHarness } from './harness';

// grantInvoke under Terraform: permissions and role statements name what they grant by reference,
// so they are created after it, and a second plan is empty.

const code = fs.mkdtempSync(path.join(os.tmpdir(), 'grants-'));
fs.writeFileSync(path.join(code, 'index.js'), 'exports.handler = async () => 1;\n');

test("AWS: a service permission on the alias, a caller function's role grant and the alias's alarms apply in order", () => {
  withHarness('grants-aws', (harness) => {
    harness.synth((app) => {
      const stack = new TerraformStack(app, 'app');
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      new LocalBackend(stack, { path: '../app/terraform.app.tfstate' });
      const orders = new aws.LayeredFunction(stack, 'orders', { functionName: 'orders', runtime: 'nodejs22.x', handler: 'index.handler', code });
      const caller = new aws.LayeredFunction(stack, 'caller', { functionName: 'caller', runtime: 'nodejs22.x', handler: 'index.handler', code });
      const live = new aws.CanaryAlias(stack, 'live', { function: orders });
      live.grantInvoke('events.amazonaws.com', { sourceArn: 'arn:aws:events:eu-west-1:123456789012:rule/nightly' });
      live.grantInvoke(caller);
      // Alarms on the alias (aws.FunctionAlarms): named after the function, so created after it.
      new aws.FunctionAlarms(stack, 'alarms', {
        function: orders,
        qualifier: live,
        errors: { threshold: 1 },
        throttles: { threshold: 1 },
        durationP99: { threshold: 1000 },
      });
    });
    harness.deploy('app', 'deploy');
    expect(harness.journal().filter((e) => e.type === 'aws_lambda_permission' && e.op === 'create')).toHaveLength(1);
    expect(harness.journal().filter((e) => e.type === 'aws_cloudwatch_metric_alarm' && e.op === 'create')).toHaveLength(3);
  });
});

test('Alibaba Cloud: a caller function and a RAM role made in the same program get fc:InvokeFunction', () => {
  withHarness('grants-alicloud', (harness) => {
    harness.synth((app) => {
      const stack = new TerraformStack(app, 'app');
      new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
      new LocalBackend(stack, { path: '../app/terraform.app.tfstate' });
      const orders = new alicloud.LayeredFunction(stack, 'orders', { functionName: 'orders', runtime: 'nodejs20', handler: 'index.handler', code });
      const caller = new alicloud.LayeredFunction(stack, 'caller', { functionName: 'caller', runtime: 'nodejs20', handler: 'index.handler', code });
      const reporting = new RamRole(stack, 'reporting', {
        roleName: 'reporting',
        assumeRolePolicyDocument: JSON.stringify({
          Version: '1',
          Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: ['acs:ram::1234567890123456:root'] } }],
        }),
      });
      orders.grantInvoke(caller);
      new alicloud.CanaryAlias(stack, 'live', { function: orders }).grantInvoke(reporting.arn);
    });
    harness.deploy('app', 'deploy');
    const roles = harness.cloud().ramRoles;
    expect(roles.reporting.policies).toHaveLength(1);
  });
});
