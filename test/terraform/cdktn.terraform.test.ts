import { execFileSync } from 'child_process';
import * as path from 'path';
import { prepareCdktnSource } from '../../scripts/build';
import { Harness } from './harness';

// The examples synthesized with CDK Terrain (the cdktn flavour: the fork's packages and bindings)
// deploy under Terraform like the cdktf ones: init, validate, plan, apply and an empty second
// plan, against the provider versions the fork pins (hashicorp/aws 6.66.0).

const root = path.join(__dirname, '..', '..');

describe('examples synthesized with cdktn under terraform', () => {
  const harness = new Harness('cdktn');
  afterAll(() => harness.dispose());
  prepareCdktnSource('terraform-src');
  const stacks = harness.synthWith((outdir) => {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'test', 'cdktn', 'synth-examples.ts'), outdir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        CHECKPOINT_DISABLE: '1',
        CDKTN_SOURCE: 'terraform-src',
        NODE_OPTIONS: `--require ${path.join(root, 'test', 'cdktn', 'register.js')}`,
      },
    });
  });

  test.each(stacks)('%s deploys and a second plan is empty', (stack) => {
    const { changes } = harness.deploy(stack, `cdktn: ${stack}`);
    expect(changes.length).toBeGreaterThan(0);
  });

  test('the AWS stacks ran against hashicorp/aws 6.66.0', () => {
    const lock = harness.terraform('aws-orders', ['providers'], 'providers').stdout;
    expect(lock).toMatch(/provider\[registry\.terraform\.io\/hashicorp\/aws\] 6\.66\.0/);
  });
});
