import { App } from 'cdktf';
import { buildAlicloudExample } from './alicloud/app';
import { buildAwsExample } from './aws/app';
import { printWarnings } from './warnings';

// `npm run synth` (or `cdktf synth`) writes cdktf.out/stacks/<stack>/cdk.tf.json for every stack.
// No stack traces in manifest.json: they hold machine paths, and the output must be the same anywhere.
const app = new App({ stackTraces: false });
buildAwsExample(app);
buildAlicloudExample(app);
app.synth();
// Under `cdktf synth` the CLI prints the warnings itself (it sets this variable).
if (!process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS) printWarnings(app);
