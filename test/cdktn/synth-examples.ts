// Synthesizes the example app into the folder given as the first argument, with whichever
// framework `cdktf` resolves to in this process (see register.js for cdktn).
import { App } from 'cdktf';
import { buildAlicloudExample } from '../../examples/alicloud/app';
import { buildAwsExample } from '../../examples/aws/app';

const app = new App({ outdir: process.argv[2], stackTraces: false });
buildAwsExample(app);
buildAlicloudExample(app);
app.synth();
