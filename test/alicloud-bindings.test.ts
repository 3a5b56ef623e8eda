import { execFileSync } from 'child_process';
import * as path from 'path';

test('the committed Alibaba Cloud bindings are what the generator makes from schema/alicloud.json', () => {
  const out = execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'generate-alicloud.js'), '--check'], {
    env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();
  expect(out).toMatch(/^lib\/alicloud\/provider matches schema\/alicloud\.json \(24 files\)/);
});
