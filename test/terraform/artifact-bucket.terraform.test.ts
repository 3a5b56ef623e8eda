import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalBackend, TerraformStack } from 'cdktf';
import { alicloud } from '../../lib';
import { withHarness } from './harness';

// OSS bucket names are global. Without a literal account on the provider, the default artifact
// bucket name hashes the account Terraform reads (data "alicloud_account") at plan time: the name
// is known in the plan and is the one a literal account gives.

const code = fs.mkdtempSync(path.join(os.tmpdir(), 'artifact-bucket-'));
fs.writeFileSync(path.join(code, 'index.js'), 'exports.handler = async () => 1;\n');
const ACCOUNT = '1234567890123456'; // the simulated cloud's account (sim/alicloud.js)

test('the default OSS bucket name includes the account read at plan time, and matches the literal-account name', () => {
  withHarness('artifact-bucket-name', (harness) => {
    harness.synth((app) => {
      const stack = new TerraformStack(app, 'app');
      new alicloud.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
      new LocalBackend(stack, { path: '../app/terraform.app.tfstate' });
      new alicloud.LayeredFunction(stack, 'f', { functionName: 'f', runtime: 'nodejs20', handler: 'index.handler', code });
    });
    const { changes } = harness.deployPlanned('app', 'deploy');
    const expected = `serverless-artifacts-${crypto.createHash('sha256').update(`app\ncn-hangzhou\n${ACCOUNT}`).digest('hex').slice(0, 12)}`;
    // Known in the plan (not "known after apply"), so the bucket is never replaced on a later plan.
    expect(changes.find((c) => c.type === 'alicloud_oss_bucket')!.after.bucket).toBe(expected);
    expect(Object.keys(harness.cloud().ossBuckets)).toEqual([expected]);
    // Private by PutBucketAcl and closed by PutBucketPublicAccessBlock, and the bucket's acl reads
    // back what the ACL resource set (the second plan, empty, proves the two agree).
    expect(harness.cloud().ossBuckets[expected]).toEqual(expect.objectContaining({ acl: 'private', blockPublicAccess: true }));
    const ops = harness
      .journal()
      .filter((e) => e.type.startsWith('alicloud_oss_bucket') && e.type !== 'alicloud_oss_bucket_object')
      .map((e) => `${e.op} ${e.type}`);
    // The bucket first; the ACL and the block (independent of each other) after it.
    expect(ops[0]).toBe('create alicloud_oss_bucket');
    expect(ops.slice(1).sort()).toEqual(['create alicloud_oss_bucket_acl', 'create alicloud_oss_bucket_public_access_block']);
  });
});
