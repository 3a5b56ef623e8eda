import { Annotations, Aspects, IAspect, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { StackState } from './private/stack-state';
import { fail } from './validation';

/** Context key: `false` stops the library printing its warnings to stderr (they stay in manifest.json). */
export const PRINT_WARNINGS_CONTEXT = 'cdktf-serverless:printWarnings';

/**
 * Adds a warning annotation in the `[path] prop …` style of the errors. `cdktf synth` prints
 * annotations from manifest.json; for apps run without the CLI (`node main.js`, `npx tsx main.ts`)
 * the library prints its own warnings to stderr when the stack is synthesized (see `runByCli`).
 */
export function warn(scope: IConstruct, message: string): void {
  Annotations.of(scope).addWarning(message);
  warningsOf(scope).add(scope.node.path, message);
}

/**
 * Whether the app runs under `cdktf synth` (or `cdktn synth`), which prints every annotation of
 * manifest.json itself. Both CLIs run the `app` command of cdktf.json with `CDKTF_OUTDIR` and
 * `CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS=true` in its environment (cli-core
 * `src/lib/synth-stack.ts` of hashicorp/terraform-cdk and of open-constructs/cdk-terrain, which
 * kept the names); an app run by hand has at most one of them (`CDKTF_OUTDIR` picks an outdir).
 */
export function runByCli(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CDKTF_OUTDIR !== undefined && env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS !== undefined;
}

/**
 * The library's warnings of one stack, printed once each when the stack is synthesized: an aspect
 * (cdktf runs a stack's aspects once at the start of each synthesis of it, `app.synth()` and the
 * `Testing` helpers alike) on the stack, added with the first warning. A warning given twice for
 * the same construct is printed once.
 */
class StackWarnings implements IAspect {
  private readonly entries = new Map<string, { path: string; message: string }>();

  constructor(private readonly stack: TerraformStack) {
    Aspects.of(stack).add(this);
  }

  public add(path: string, message: string): void {
    this.entries.set(`${path}\n${message}`, { path, message });
  }

  public visit(node: IConstruct): void {
    // Inherited by every node of the stack; the stack itself is visited first, once per synthesis.
    if (node !== this.stack || this.entries.size === 0) return;
    const setting = this.stack.node.tryGetContext(PRINT_WARNINGS_CONTEXT) as unknown;
    if (setting !== undefined && setting !== true && setting !== false && setting !== 'true' && setting !== 'false') {
      fail(this.stack, `context "${PRINT_WARNINGS_CONTEXT}"`, 'true or false (or "true" / "false")', setting);
    }
    if (setting === false || setting === 'false' || runByCli()) return;
    const lines = [...this.entries.values()].map((e) => `[WARNING] [${e.path}] ${e.message}\n`);
    const count = this.entries.size === 1 ? '1 warning' : `${this.entries.size} warnings`;
    lines.push(
      `cdktf-serverless-constructs: ${count} in stack "${this.stack.node.id}" (also in manifest.json, which \`cdktf synth\` prints from). ` +
        `Fix what it says, or set the context key "${PRINT_WARNINGS_CONTEXT}" to false to stop printing them.\n`,
    );
    process.stderr.write(lines.join(''));
  }
}

function warningsOf(scope: IConstruct): StackWarnings {
  return StackState.of(scope).remember('warnings', () => new StackWarnings(TerraformStack.of(scope)));
}
