import { TerraformVariable } from 'cdktf';
import { alicloud } from '../lib';
import { expressionOf, only, resources, synth } from './helpers';
import { conforms, fcStack, fn } from './alicloud-helpers';

describe('alicloud.CanaryAlias', () => {
  test('stable version and a canary weight on the published version, dropped when they are equal; replaced versions are forgotten', () => {
    const stack = fcStack();
    const f = fn(stack);
    const live = new alicloud.CanaryAlias(stack, 'live', { function: f, stableVersion: '3', canaryWeight: 0.05 });
    const json = synth(stack);
    const alias = only(json, 'alicloud_fcv3_alias');
    expect(alias).toEqual(expect.objectContaining({ alias_name: 'live', function_name: '${alicloud_fcv3_function.orders.function_name}', version_id: '3' }));
    expect(alias.additional_version_weight).toMatch(
      /^\$\{\(alicloud_fcv3_function_version\.orders_Version_[0-9A-F]+\.version_id == "3"\) \? \{\} : zipmap\(\[alicloud_fcv3_function_version\.orders_Version_[0-9A-F]+\.version_id\], \[0\.05\]\)\}$/,
    );
    // No prevent_destroy: a release is one apply, the old version is forgotten and stays in FC.
    expect(only(json, 'alicloud_fcv3_function_version').lifecycle).toEqual({ create_before_destroy: true, destroy: false });
    expect(json.terraform.required_version).toBe('>= 1.16.1');
    expect(expressionOf(stack, live.qualifier)).toBe('${alicloud_fcv3_alias.live.alias_name}');
    conforms(json);
  });

  test('first deploy: the alias follows the published version; nothing pinned, nothing protected', () => {
    const stack = fcStack();
    new alicloud.CanaryAlias(stack, 'live', { function: fn(stack) });
    const json = synth(stack);
    expect(only(json, 'alicloud_fcv3_alias').version_id).toMatch(/^\$\{alicloud_fcv3_function_version\.orders_Version_[0-9A-F]+\.version_id\}$/);
    expect(only(json, 'alicloud_fcv3_alias').additional_version_weight).toBeUndefined();
    expect(only(json, 'alicloud_fcv3_function_version').lifecycle).toEqual({ create_before_destroy: true, destroy: false });
  });

  test('a weight known only at plan time gets a precondition with the same message', () => {
    const stack = fcStack();
    const weight = new TerraformVariable(stack, 'weight', { type: 'number' });
    new alicloud.CanaryAlias(stack, 'live', { function: fn(stack), stableVersion: '1', canaryWeight: weight.numberValue });
    expect(only(synth(stack), 'alicloud_fcv3_alias').lifecycle).toEqual({
      precondition: [{ condition: '${(abs((var.weight - 0.5)) <= 0.5)}', error_message: '[test/live] canaryWeight must be a number between 0 and 1' }],
    });
  });

  test('literal versions and promotion', () => {
    const stack = fcStack();
    const f = fn(stack);
    new alicloud.CanaryAlias(stack, 'canary', { function: f, aliasName: 'prod', stableVersion: '3', canaryVersion: '4', canaryWeight: 0.2 });
    new alicloud.CanaryAlias(stack, 'promoted', { function: f, aliasName: 'promoted', stableVersion: '4', canaryWeight: 0 });
    const aliases = Object.values<any>(resources(synth(stack), 'alicloud_fcv3_alias'));
    expect(aliases.find((a) => a.alias_name === 'prod').additional_version_weight).toEqual({ 4: 0.2 });
    expect(aliases.find((a) => a.alias_name === 'promoted').additional_version_weight).toBeUndefined();
  });

  test.each([
    [{ stableVersion: '1', canaryWeight: 1.01 }, 'canaryWeight must be a number between 0 and 1, got 1.01'],
    [{ stableVersion: 'LATEST' }, 'stableVersion must be a published version number such as "1" (not $LATEST), got "LATEST"'],
    [{ stableVersion: 'v1' }, 'stableVersion must be a published version number such as "1" (not $LATEST), got "v1"'],
    [
      { stableVersion: '2', canaryVersion: '2', canaryWeight: 0.5 },
      'canaryVersion must be a version other than stableVersion "2" when canaryWeight is above 0, got "2"',
    ],
    [{ aliasName: '9live' }, 'aliasName must be 1-128 characters of letters, digits, "_" and "-", starting with a letter or "_", got "9live"'],
    [
      { aliasName: 'a'.repeat(129) },
      `aliasName must be 1-128 characters of letters, digits, "_" and "-", starting with a letter or "_", got "${'a'.repeat(129)}"`,
    ],
  ])('%j is refused', (props, message) => {
    const stack = fcStack();
    const f = fn(stack);
    expect(() => new alicloud.CanaryAlias(stack, 'live', { function: f, ...props })).toThrow(`[test/live] ${message}`);
  });
});
