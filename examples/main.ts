import { App } from 'cdktf';
import { buildAlicloudExample } from './alicloud/app';
import { buildAwsExample } from './aws/app';

// `npm run synth` (or `cdktf synth`) writes cdktf.out/stacks/<stack>/cdk.tf.json for every stack.
// No stack traces in manifest.json: they hold machine paths, and the output must be the same anywhere.
const app = new App({ stackTraces: false });
buildAwsExample(app);
buildAlicloudExample(app);
// The library prints its warnings to stderr here (`npm run synth`); under `cdktf synth` the CLI does.
app.synth();
