import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { aws } from '../../lib';
import { withHarness } from './harness';

// The environment key under Terraform: Lambda sets it up with KMS CreateGrant, which refuses aliases
// (the simulated provider answers as Lambda does, hashicorp/terraform issue 20813), so an alias ARN
// must reach `kms_key_arn` as the key it names.

const code = fs.mkdtempSync(path.join(os.tmpdir(), 'encryption-'));
fs.writeFileSync(path.join(code, 'index.js'), 'exports.handler = async () => 1;\n');
const ALIAS = 'arn:aws:kms:eu-west-1:123456789012:alias/jobs-env';

function stackWith(environmentEncryption: string) {
  return (app: App) => {
    const stack = new TerraformStack(app, 'app');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new LocalBackend(stack, { path: '../app/terraform.app.tfstate' });
    new aws.LayeredFunction(stack, 'worker', {
      functionName: 'worker',
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      code,
      environment: { SECRET_NAME: 'db' },
      environmentEncryption,
    });
  };
}

test('AWS: an alias ARN given as kms_key_arn itself fails at apply, as Lambda answers', () => {
  withHarness('encryption-alias-raw', (harness) => {
    harness.synth(stackWith(ALIAS));
    // What the library emitted before: the alias ARN straight into kms_key_arn.
    const file = path.join(harness.outdir, 'stacks', 'app', 'cdk.tf.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const fn of Object.values<any>(json.resource.aws_lambda_function)) fn.kms_key_arn = ALIAS;
    delete json.data;
    fs.writeFileSync(file, JSON.stringify(json, null, 2));
    expect(() => harness.deploy('app', 'deploy')).toThrow(/Key Aliases are not supported for this\s+operation/);
  });
});

test('AWS: an alias ARN is resolved to its key (data.aws_kms_alias.target_key_arn); the function deploys and a second plan is empty', () => {
  withHarness('encryption-alias', (harness) => {
    harness.synth(stackWith(ALIAS));
    const { changes } = harness.deployPlanned('app', 'deploy');
    const fn = changes.find((c) => c.type === 'aws_lambda_function')!;
    expect(fn.after.kms_key_arn).toMatch(/^arn:aws:kms:eu-west-1:123456789012:key\/[0-9a-f-]{36}$/);
  });
});

test('AWS: an alias of another region is refused at plan by the postcondition, naming the construct and the alias', () => {
  withHarness('encryption-alias-region', (harness) => {
    harness.synth(stackWith('arn:aws:kms:us-east-1:123456789012:alias/jobs-env'));
    expect(() => harness.deploy('app', 'deploy')).toThrow(
      /\[app\/worker\] environmentEncryption names alias\s+arn:aws:kms:us-east-1:123456789012:alias\/jobs-env/,
    );
  });
});

test('AWS: a multi-Region key ARN (key/mrk-…) deploys as given', () => {
  withHarness('encryption-mrk', (harness) => {
    const key = 'arn:aws:kms:eu-west-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab';
    harness.synth(stackWith(key));
    const { changes } = harness.deployPlanned('app', 'deploy');
    expect(changes.find((c) => c.type === 'aws_lambda_function')!.after.kms_key_arn).toBe(key);
  });
});
