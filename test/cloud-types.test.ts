import { TerraformStack, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { alicloud, aws } from '../lib';
import { makeFolder } from './helpers';

// The two clouds' types are nominally distinct (every contract carries its cloud as a literal type):
// handing one cloud's function, layer or alias to the other's constructs does not compile. The
// `@ts-expect-error` lines fail `tsc --noEmit` (part of `npm test`) the day they compile again.

const code = makeFolder({ 'index.js': 'exports.handler = async () => 1;' }, 'code');
const layerDir = makeFolder({ 'nodejs/x.js': 'x' }, 'layer');

function stacks() {
  const app = Testing.app();
  const a = new TerraformStack(app, 'a');
  new AwsProvider(a, 'aws', { region: 'eu-west-1' });
  const f = new TerraformStack(app, 'f');
  new alicloud.AlicloudProvider(f, 'alicloud', { region: 'cn-hangzhou' });
  return { a, f };
}

test('an Alibaba Cloud function, layer or alias is refused by the AWS constructs at compile time, and the other way round', () => {
  const { a, f } = stacks();
  const aliFn = new alicloud.LayeredFunction(f, 'fc', { runtime: 'nodejs20', handler: 'index.handler', code });
  const awsFn = new aws.LayeredFunction(a, 'lambda', { runtime: 'nodejs22.x', handler: 'index.handler', code });
  const aliLayer = new alicloud.Layer(f, 'fcLayer', { path: layerDir, compatibleRuntimes: ['nodejs20'] });
  const awsLayer = new aws.Layer(a, 'lambdaLayer', { path: layerDir, compatibleRuntimes: ['nodejs22.x'] });
  const build = [
    // @ts-expect-error an FC3 function is not an AWS IFunction
    () => new aws.CanaryAlias(a, 'live', { function: aliFn }),
    // @ts-expect-error a Lambda function is not an FC3 IFunction
    () => new alicloud.CanaryAlias(f, 'live', { function: awsFn }),
    // @ts-expect-error an FC3 layer in a Lambda function's layers
    () => new aws.LayeredFunction(a, 'mixed', { runtime: 'nodejs22.x', handler: 'index.handler', code, layers: [aliLayer] }),
    // @ts-expect-error a Lambda layer in an FC3 function's layers
    () => new alicloud.LayeredFunction(f, 'mixed', { runtime: 'nodejs20', handler: 'index.handler', code, layers: [awsLayer] }),
    // @ts-expect-error an FC3 function as the target of Lambda async invocation
    () => new aws.AsyncWithDeadLetter(a, 'async', { function: aliFn }),
  ];
  expect(build).toHaveLength(5);
  // The same calls with matching clouds compile and build.
  new aws.CanaryAlias(a, 'ok', { function: awsFn });
  new alicloud.CanaryAlias(f, 'ok', { function: aliFn });
  expect([awsFn.cloud, aliFn.cloud, awsLayer.cloud, aliLayer.cloud]).toEqual(['aws', 'alicloud', 'aws', 'alicloud']);
});
