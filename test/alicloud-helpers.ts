import { TerraformStack, Testing } from 'cdktf';
import { alicloud } from '../lib';
import { conformanceErrors, loadSchema } from './conformance';
import { makeFolder } from './helpers';

// Fixtures and helpers the Alibaba Cloud construct tests share.

export const lodash = makeFolder({ 'nodejs/node_modules/lodash/package.json': '{}', 'nodejs/node_modules/lodash/lodash.js': 'a' }, 'lodash');
export const patch = makeFolder({ 'nodejs/node_modules/lodash/lodash.js': 'b' }, 'patch');
export const code = makeFolder({ 'index.js': 'exports.handler = async () => "ok";' }, 'code');
export const IMAGE = 'registry.cn-hangzhou.aliyuncs.com/demo/web@sha256:' + 'a'.repeat(64);

export function fcStack(region: string | null = 'cn-hangzhou'): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new alicloud.AlicloudProvider(stack, 'alicloud', region ? { region } : {});
  return stack;
}

export function layer(stack: TerraformStack, id: string, folder = lodash, runtimes = ['nodejs20']): alicloud.Layer {
  return new alicloud.Layer(stack, id, { path: folder, compatibleRuntimes: runtimes, layerName: id });
}

export function fn(stack: TerraformStack, props: Partial<alicloud.LayeredFunctionProps> = {}, id = 'orders'): alicloud.LayeredFunction {
  return new alicloud.LayeredFunction(stack, id, { functionName: 'orders', runtime: 'nodejs20', handler: 'index.handler', code, ...props });
}

export const conforms = (json: any) => expect(conformanceErrors(json, loadSchema('alicloud.json'), 'alicloud_')).toEqual([]);
