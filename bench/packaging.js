/**
 * Packaging benchmark program (run by bench/run.js in its own process):
 *   node bench/packaging.js <outdir> <layer folder> <code folder>
 * Synthesizes one AWS stack with a Layer from the big folder and a function using it; prints the
 * packaging counters and where the layer zip landed in the output.
 */
'use strict';
const path = require('path');
const [outdir, layerDir, codeDir] = process.argv.slice(2);
const { App, TerraformStack, LocalBackend } = require('cdktf');
const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
const dist = path.join(__dirname, '..', 'dist');
const { aws } = require(dist);
const { packagingStats } = require(require('path').join(dist, 'core', 'package'));

const app = new App({ outdir, stackTraces: false });
const stack = new TerraformStack(app, 'packaging');
new LocalBackend(stack, { path: 'terraform.packaging.tfstate' });
new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
const layer = new aws.Layer(stack, 'big', { path: layerDir, compatibleRuntimes: ['nodejs22.x'], layerName: 'big' });
new aws.LayeredFunction(stack, 'fn', { functionName: 'fn', runtime: 'nodejs22.x', handler: 'index.handler', code: codeDir, layers: [layer] });
app.synth();
const json = require(path.join(outdir, 'stacks', 'packaging', 'cdk.tf.json'));
const object = Object.values(json.resource.aws_s3_object).find((o) => o.key.startsWith('layers/'));
const layerZip = path.join(outdir, 'stacks', 'packaging', object.source);
const version = Object.values(json.resource.aws_lambda_layer_version)[0];
process.stdout.write(
  JSON.stringify({ stats: packagingStats, layerZip, layerZipBytes: require('fs').statSync(layerZip).size, sourceCodeHash: version.source_code_hash }) + '\n',
);
