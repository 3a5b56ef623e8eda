import * as crypto from 'crypto';
import { Aspects, IAspect, TerraformDataSource, TerraformProvider, TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * Gives every resource and data source under `scope` that names no provider the construct's
 * `provider`, at synth: resources added after the constructor (grants, permissions) get it too.
 */
export function useProvider(scope: IConstruct, provider: TerraformProvider | undefined): void {
  // The default (unaliased) provider is what resources get without one.
  if (!provider?.alias) return;
  const aspect: IAspect = {
    visit(node: IConstruct) {
      if ((node instanceof TerraformResource || node instanceof TerraformDataSource) && node.provider === undefined) node.provider = provider;
    },
  };
  Aspects.of(scope).add(aspect);
}

/**
 * Suffix of the ids of what a stack shares per provider (artifact bucket, code uploads): none for
 * the default (unaliased) provider, so stacks with one provider keep their addresses.
 */
export function providerSuffix(provider: TerraformProvider | undefined): string {
  return provider?.alias ? `-${crypto.createHash('sha256').update(provider.node.path).digest('hex').slice(0, 8)}` : '';
}
