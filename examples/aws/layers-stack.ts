import * as path from 'path';
import { LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { aws, Tags } from '../../lib';

const assets = path.join(__dirname, '..', 'assets');

/**
 * Region and backend every example stack shares. The state path is relative (no machine path is
 * synthesized) and names the stack's own folder, `../<stack>/…`: Terraform runs in
 * cdktf.out/stacks/<stack>/, and a consumer's terraform_remote_state resolves the same path from its
 * own folder, so it finds the producer's state.
 */
export function awsBase(stack: TerraformStack, name: string): void {
  // default_tags on every AWS resource, and the library's tags on what it creates (merged in tags_all).
  new AwsProvider(stack, 'aws', { region: 'eu-west-1', defaultTags: [{ tags: { 'managed-by': 'cdktf' } }] });
  Tags.of(stack).add('project', 'orders-example');
  new LocalBackend(stack, { path: `../${name}/terraform.${name}.tfstate` });
}

/** Shared layers, published once and used by functions in other stacks. */
export class SharedLayersStack extends TerraformStack {
  public readonly lodash: aws.Layer;
  public readonly lodashPatch: aws.Layer;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    awsBase(this, id);
    this.lodash = new aws.Layer(this, 'lodash', {
      path: path.join(assets, 'layers', 'lodash'),
      compatibleRuntimes: ['nodejs22.x', 'nodejs24.x'],
      layerName: 'lodash',
      description: 'lodash for Node.js functions',
    });
    // Overrides one file of "lodash" (nodejs/node_modules/lodash/lodash.js) when listed after it.
    this.lodashPatch = new aws.Layer(this, 'lodash-patch', {
      path: path.join(assets, 'layers', 'lodash-patch'),
      compatibleRuntimes: ['nodejs22.x', 'nodejs24.x'],
      layerName: 'lodash-patch',
      description: 'patched lodash.js, overrides the file of the lodash layer',
    });
    new TerraformOutput(this, 'lodash_layer_arn', { value: this.lodash.arn });
  }
}
