import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// No two modules of the library import each other, directly or around a circle, counting type-only
// imports too (ESLint's import-x/no-cycle sees value imports only). A circle means a shared type lives
// in the wrong file: give it a file of its own, as lib/aws/function.ts or lib/alicloud/alarm.ts do.

const lib = path.join(__dirname, '..', 'lib');

function modules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : modules(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of source.matchAll(/(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/g)) {
    const base = path.resolve(path.dirname(file), m[1]);
    const target = [`${base}.ts`, path.join(base, 'index.ts')].find((c) => fs.existsSync(c));
    if (target) out.push(target);
  }
  return out;
}

/** Every elementary circle found by a depth-first walk, as a list of paths relative to lib/. */
function circles(root: string): string[][] {
  const graph = new Map(modules(root).map((f) => [f, imports(f)]));
  const done = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string, stack: string[]) => {
    const at = stack.indexOf(node);
    if (at >= 0) return void found.push([...stack.slice(at), node].map((f) => path.relative(root, f)));
    if (done.has(node)) return;
    stack.push(node);
    for (const next of graph.get(node) ?? []) visit(next, stack);
    stack.pop();
    done.add(node);
  };
  for (const file of graph.keys()) visit(file, []);
  return found;
}

test('the import graph of lib/ has no circles, type-only imports included', () => {
  expect(modules(lib).length).toBeGreaterThan(50);
  expect(circles(lib)).toEqual([]);
});

test('the check sees a circle made of type-only imports', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'circle-'));
  try {
    fs.mkdirSync(path.join(dir, 'private'));
    fs.writeFileSync(path.join(dir, 'a.ts'), "import type { B } from './private/b';\nexport interface A { b?: B }\n");
    fs.writeFileSync(path.join(dir, 'private', 'b.ts'), "import { A } from '../a';\nexport interface B { a?: A }\n");
    expect(circles(dir)).toEqual([['a.ts', path.join('private', 'b.ts'), 'a.ts']]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
