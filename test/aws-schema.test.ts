import { execFileSync } from 'child_process';
import * as path from 'path';

test('schema/aws-6.66.0.json is what scripts/derive-aws-schema.js derives from the 6.25.0 dump and the two generated packages', () => {
  const out = execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'derive-aws-schema.js'), '--check'], {
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();
  expect(out).toMatch(/^schema\/aws-6\.66\.0\.json is up to date \(7 differences from 6\.25\.0\)/);
});
