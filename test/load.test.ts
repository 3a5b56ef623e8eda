import { execFileSync } from 'child_process';
import * as path from 'path';

test('loading the library never loads a provider package root index', () => {
  const lib = path.resolve(__dirname, '..', 'lib');
  const script = `require('tsx/cjs'); require(${JSON.stringify(lib)});
    const keys = Object.keys(require.cache);
    console.log(JSON.stringify({
      awsRoot: keys.some((k) => /@cdktf[\\\\/]provider-aws[\\\\/]lib[\\\\/]index\\.js$/.test(k)),
      alicloudRoot: keys.some((k) => /generated[\\\\/]alicloud[\\\\/]index\\.ts$/.test(k)),
      awsModules: keys.filter((k) => k.includes('provider-aws')).length,
    }));`;
  const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { env: { ...process.env, CHECKPOINT_DISABLE: '1' } }).toString());
  expect(out.awsRoot).toBe(false);
  expect(out.alicloudRoot).toBe(false);
  // Only the resources the constructs use (about 20 of 2,214 modules).
  expect(out.awsModules).toBeGreaterThan(0);
  expect(out.awsModules).toBeLessThan(40);
});
