import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';

// Terraform in the loop: the real `terraform` CLI (or TERRAFORM_BIN, e.g. tofu) against simulated
// providers (./sim) that serve the project's schemas, installed from a filesystem mirror through a
// temporary CLI config. One Harness is one simulated cloud: every stack deployed through it shares
// the cloud and the journal, and a program re-synthesized into the same folder keeps its state.

const SIM = path.join(__dirname, 'sim');
const PROVIDERS = [
  { namespace: 'hashicorp', type: 'aws', version: '6.25.0', cloud: 'aws' },
  // What @cdktn/provider-aws 25.7.0 pins, for stacks synthesized with CDK Terrain.
  { namespace: 'hashicorp', type: 'aws', version: '6.66.0', cloud: 'aws' },
  // 1.291.0: the first release with the fix for failure-only async destinations (see sim/alicloud.js).
  { namespace: 'aliyun', type: 'alicloud', version: process.env.SIM_ALICLOUD_VERSION ?? '1.291.0', cloud: 'alicloud' },
];

/** What the journal records: one line per change the providers made to the cloud. */
export interface JournalEntry {
  readonly provider: string;
  readonly op: string;
  readonly type: string;
  readonly step: string;
  readonly id?: string;
  readonly function?: string;
  readonly version?: string;
  readonly layerVersion?: string;
  readonly versions?: string[];
}

/** One resource change Terraform applied (`planned_change` in its machine-readable output). */
export interface AppliedChange {
  readonly address: string;
  readonly type: string;
  /** Terraform's action: create, update, delete, replace, remove (forget), … */
  readonly action: string;
}

export interface StepResult {
  /** What the apply changed. */
  readonly changes: AppliedChange[];
}

/** One resource change of a saved plan (`terraform show -json`): the order of a replacement and the values. */
export interface PlannedChange {
  readonly address: string;
  readonly type: string;
  /** e.g. ['create'], ['update'], ['create', 'delete'] (create before destroy). */
  readonly actions: string[];
  readonly before: any;
  readonly after: any;
}

export interface PlannedStepResult {
  /** What the applied plan changed, as planned. */
  readonly changes: PlannedChange[];
}

export class TerraformError extends Error {}

export function terraformBinary(): string {
  return process.env.TERRAFORM_BIN ?? 'terraform';
}

/** The engine's version, or undefined when there is none on PATH. */
export function terraformVersion(): string | undefined {
  const r = spawnSync(terraformBinary(), ['version', '-json'], { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  if (r.status !== 0) return undefined;
  return JSON.parse(r.stdout).terraform_version;
}

/**
 * Whether the engine forgets replaced objects with `lifecycle { destroy = false }` and
 * create_before_destroy: Terraform ≥ 1.16.1 (1.16.0 fails, hashicorp/terraform issue 39088),
 * OpenTofu ≥ 1.12.0. The same floors the library declares (lib/alicloud/engine.ts).
 */
export function engineForgets(version: string): boolean {
  const tofu = /tofu/.test(path.basename(terraformBinary()));
  const floor = tofu ? [1, 12, 0] : [1, 16, 1];
  const parts = version.split('-')[0].split('.').map(Number);
  for (let i = 0; i < 3; i++) if (parts[i] !== floor[i]) return parts[i] > floor[i];
  return true;
}

export class Harness {
  public readonly root: string;
  public readonly outdir: string;
  public readonly version: string;
  private readonly cloudDir: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly initialized = new Set<string>();

  /**
   * @param name names the temporary folder
   * @param options.legacyTypeSystem answer plans as SDKv2 providers do (`legacy_type_system`, the
   *   default, or SIM_LEGACY_TYPE_SYSTEM=0 for all); `false` makes Terraform refuse any plan or
   *   apply result that is inconsistent, proving the simulated providers consistent.
   * @param options.alicloudVersions the aliyun/alicloud releases the mirror offers (default: one,
   *   SIM_ALICLOUD_VERSION or 1.291.0); Terraform installs the newest the stack's constraint admits.
   */
  constructor(name: string, options: { legacyTypeSystem?: boolean; alicloudVersions?: string[] } = {}) {
    const version = terraformVersion();
    if (!version) throw new TerraformError(`no terraform binary: "${terraformBinary()}" is not on PATH (set TERRAFORM_BIN)`);
    this.version = version;
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), `tf-${name}-`));
    this.outdir = path.join(this.root, 'cdktf.out');
    this.cloudDir = path.join(this.root, 'cloud');
    fs.mkdirSync(this.cloudDir);
    const mirror = path.join(this.root, 'mirror');
    const providers = options.alicloudVersions
      ? [
          ...PROVIDERS.filter((p) => p.cloud !== 'alicloud'),
          ...options.alicloudVersions.map((version) => ({ namespace: 'aliyun', type: 'alicloud', version, cloud: 'alicloud' })),
        ]
      : PROVIDERS;
    for (const p of providers) {
      const dir = path.join(mirror, 'registry.terraform.io', p.namespace, p.type, p.version, 'linux_amd64');
      fs.mkdirSync(dir, { recursive: true });
      const exe = path.join(dir, `terraform-provider-${p.type}_v${p.version}`);
      fs.writeFileSync(exe, `#!/bin/sh\nexec "${process.execPath}" "${path.join(SIM, 'main.js')}" ${p.cloud} ${p.version}\n`, { mode: 0o755 });
    }
    const cliConfig = path.join(this.root, 'cli.tfrc');
    fs.writeFileSync(
      cliConfig,
      `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["registry.terraform.io/*/*"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/*/*"]\n  }\n}\n`,
    );
    const tlsDir = path.join(this.root, 'tls');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- plain JavaScript, loaded at run time
    require(path.join(SIM, 'tls')).writeCertificate(tlsDir);
    this.env = {
      ...process.env,
      TF_CLI_CONFIG_FILE: cliConfig,
      SIM_CLOUD_DIR: this.cloudDir,
      SIM_TLS_DIR: tlsDir,
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      NODE_OPTIONS: '',
      ...(options.legacyTypeSystem === false ? { SIM_LEGACY_TYPE_SYSTEM: '0' } : {}),
    };
  }

  /** Synthesizes a program into this harness's folder (state files from earlier steps stay). */
  public synth(build: (app: App) => void): string[] {
    const app = new App({ outdir: this.outdir, stackTraces: false, skipValidation: false });
    build(app);
    app.synth();
    return this.stacks();
  }

  /** Lets another process synthesize into this harness's folder (e.g. with CDK Terrain), then reads its stacks. */
  public synthWith(run: (outdir: string) => void): string[] {
    run(this.outdir);
    return this.stacks();
  }

  private stacks(): string[] {
    const manifest = JSON.parse(fs.readFileSync(path.join(this.outdir, 'manifest.json'), 'utf8'));
    const stacks = Object.values(manifest.stacks) as { name: string; dependencies: string[] }[];
    for (const s of stacks) this.emulateNewerEngine(s.name);
    return order(stacks);
  }

  /**
   * Runs the JSON on an engine older than the one it asks for, faithfully: `lifecycle.destroy =
   * false` makes Terraform ≥ 1.16 drop the object from state instead of calling the provider's
   * delete, on replacement as on removal. Here the attribute is removed (1.11 refuses it) and the
   * simulated provider is told which objects to forget: it answers that delete without touching
   * the cloud, so state and cloud end exactly as under the newer engine. The engine floor the stack
   * declares (`required_version`) is lifted for the same reason. A real newer engine runs the JSON
   * unchanged.
   */
  private emulateNewerEngine(stack: string): void {
    if (engineForgets(this.version)) return;
    const file = path.join(this.outdir, 'stacks', stack, 'cdk.tf.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    const forgetFile = path.join(this.cloudDir, 'forget.json');
    const forget: { type: string; match: { [k: string]: string } }[] = fs.existsSync(forgetFile) ? JSON.parse(fs.readFileSync(forgetFile, 'utf8')) : [];
    for (const [type, resources] of Object.entries<any>(json.resource ?? {})) {
      for (const r of Object.values<any>(resources)) {
        if (r.lifecycle?.destroy !== false) continue;
        delete r.lifecycle.destroy;
        // Which objects to forget, by their name: a literal, or the literal of the resource it refers to.
        const literal = (v: unknown): string | undefined => {
          if (typeof v !== 'string') return undefined;
          const ref = /^\$\{([a-z0-9_]+)\.([^.]+)\.([a-z_]+)\}$/.exec(v);
          return ref ? literal(json.resource?.[ref[1]]?.[ref[2]]?.[ref[3]]) : v.includes('${') ? undefined : v;
        };
        const match = Object.fromEntries(['function_name', 'layer_name'].map((k) => [k, literal(r[k])]).filter(([, v]) => v !== undefined));
        if (!forget.some((f) => f.type === type && JSON.stringify(f.match) === JSON.stringify(match))) forget.push({ type, match });
      }
    }
    if (json.terraform?.required_version) delete json.terraform.required_version;
    fs.writeFileSync(forgetFile, JSON.stringify(forget));
    fs.writeFileSync(file, JSON.stringify(json, null, 2));
  }

  /** Runs terraform in a stack's folder; a failure throws with the step, the stack and Terraform's own words. */
  public terraform(stack: string, args: string[], step: string, okCodes = [0]): { code: number; stdout: string; stderr: string } {
    const cwd = path.join(this.outdir, 'stacks', stack);
    const r = spawnSync(terraformBinary(), [...args, '-no-color'], {
      cwd,
      env: { ...this.env, SIM_STEP: step },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const code = r.status ?? -1;
    if (!okCodes.includes(code)) {
      throw new TerraformError(`step "${step}", stack ${stack}: terraform ${args[0]} exited ${code}\n${(r.stderr || '').trim()}\n${tail(r.stdout, 40)}`);
    }
    return { code, stdout: r.stdout, stderr: r.stderr || '' };
  }

  /**
   * init (once), apply (which validates and plans first), then a second plan that must be empty.
   * One `apply -auto-approve` instead of validate, plan -out, show and apply: the same checks with
   * half the Terraform and provider start-ups. Use `deployPlanned` to see the plan's values.
   */
  public deploy(stack: string, step: string): StepResult {
    this.init(stack, step);
    const applied = this.terraform(stack, ['apply', '-auto-approve', '-input=false', '-json'], step, [0, 1]);
    const messages = applied.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    if (applied.code !== 0) {
      const errors = messages
        .filter((m) => m.type === 'diagnostic' && m.diagnostic?.severity === 'error')
        .map((m) => `Error: ${m.diagnostic.summary}${m.diagnostic.address ? ` (${m.diagnostic.address})` : ''}\n${m.diagnostic.detail ?? ''}`);
      // Diagnostics come as JSON on stdout; what fails before Terraform can speak JSON is on stderr.
      const said = [applied.stderr.trim(), errors.join('\n\n') || tail(applied.stdout, 40)].filter(Boolean).join('\n');
      throw new TerraformError(`step "${step}", stack ${stack}: terraform apply exited ${applied.code}\n${said}`);
    }
    this.secondPlanEmpty(stack, step);
    const changes = messages
      .filter((m) => m.type === 'planned_change' && m.change.action !== 'read')
      .map((m) => ({ address: m.change.resource.addr, type: m.change.resource.resource_type, action: m.change.action }));
    return { changes };
  }

  /** init (once), plan into a file, show it, apply it, then a second plan that must be empty. */
  public deployPlanned(stack: string, step: string): PlannedStepResult {
    this.init(stack, step);
    this.terraform(stack, ['plan', '-input=false', '-out=step.plan'], step);
    const plan = JSON.parse(this.terraform(stack, ['show', '-json', 'step.plan'], step).stdout);
    this.terraform(stack, ['apply', '-input=false', 'step.plan'], step);
    this.secondPlanEmpty(stack, step);
    const changes: PlannedChange[] = (plan.resource_changes ?? [])
      .filter((c: any) => !c.change.actions.includes('no-op') && c.change.actions[0] !== 'read')
      .map((c: any) => ({ address: c.address, type: c.type, actions: c.change.actions, before: c.change.before, after: c.change.after }));
    return { changes };
  }

  private init(stack: string, step: string): void {
    if (this.initialized.has(stack)) return;
    this.terraform(stack, ['init', '-input=false'], step);
    this.initialized.add(stack);
  }

  private secondPlanEmpty(stack: string, step: string): void {
    const second = this.terraform(stack, ['plan', '-input=false', '-detailed-exitcode'], `${step} (second plan)`, [0, 2]);
    if (second.code !== 0) throw new TerraformError(`step "${step}", stack ${stack}: the second plan is not empty\n${changedLines(second.stdout)}`);
  }

  /** `terraform destroy`; returns Terraform's output, throws (with it) when the destroy fails. */
  public destroy(stack: string, step: string): string {
    return this.terraform(stack, ['destroy', '-auto-approve', '-input=false'], step).stdout;
  }

  /** Every change the simulated providers made, in order. */
  public journal(): JournalEntry[] {
    const file = path.join(this.cloudDir, 'journal.jsonl');
    if (!fs.existsSync(file)) return [];
    return fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  }

  /** The simulated cloud as it is now. */
  public cloud(): any {
    return JSON.parse(fs.readFileSync(path.join(this.cloudDir, 'cloud.json'), 'utf8'));
  }

  /** The state of one stack (`terraform show -json`). */
  public state(stack: string): any {
    return JSON.parse(this.terraform(stack, ['show', '-json'], 'state').stdout);
  }

  public dispose(): void {
    if (!process.env.KEEP_TF_HARNESS) fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/** Stacks in dependency order (manifest.json lists each stack's dependencies). */
function order(stacks: { name: string; dependencies: string[] }[]): string[] {
  const done: string[] = [];
  const visit = (s: { name: string; dependencies: string[] }) => {
    if (done.includes(s.name)) return;
    s.dependencies.forEach((d) => visit(stacks.find((x) => x.name === d)!));
    done.push(s.name);
  };
  stacks.forEach(visit);
  return done;
}

function tail(text: string, lines: number): string {
  return (text || '').trim().split('\n').slice(-lines).join('\n');
}

function changedLines(text: string): string {
  return text
    .split('\n')
    .filter((l) => /^\s*[-+~]|#|Plan:/.test(l))
    .slice(0, 60)
    .join('\n');
}

/** Runs `body` with a fresh harness, disposed afterwards whether the body passes or throws. */
export function withHarness(name: string, body: (harness: Harness) => void, options: { legacyTypeSystem?: boolean; alicloudVersions?: string[] } = {}): void {
  const harness = new Harness(name, options);
  try {
    body(harness);
  } finally {
    harness.dispose();
  }
}

/**
 * A code folder per release under `work`, as a user would edit it: index.js answers with the
 * release's name, so each release packages to a different zip.
 */
export function releaseCodeFolder(work: string, release: string): string {
  const dir = path.join(work, release);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.js'), `exports.handler = async () => ${JSON.stringify(release)};\n`);
  return dir;
}
