import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

// The README's TypeScript blocks are code users copy: they must compile against the library as it
// is. Each block is checked in the scope of the blocks before it in the same section of the README
// (a section reuses the `stack`, layers and functions its earlier blocks declare); the AWS and
// Alibaba Cloud sections each get a fresh scope. Imports are hoisted; `cdktf-serverless-constructs`
// resolves to lib/.

const root = path.join(__dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

function blocksBySection(): { section: string; code: string }[] {
  const out: { section: string; code: string }[] = [];
  let section = '';
  let inBlock = false;
  let lines: string[] = [];
  for (const line of readme.split('\n')) {
    if (!inBlock && line.startsWith('## ')) section = line.slice(3);
    if (!inBlock && line.trim() === '```ts') {
      inBlock = true;
      lines = [];
      continue;
    }
    if (inBlock && line.trim() === '```') {
      inBlock = false;
      out.push({ section, code: lines.join('\n') });
      continue;
    }
    if (inBlock) lines.push(line);
  }
  return out;
}

test('every TypeScript block of the README compiles', () => {
  const blocks = blocksBySection();
  expect(blocks.length).toBeGreaterThan(10);
  // The README's own imports, merged per module and hoisted, plus what the snippets use from context.
  const named = new Map<string, Set<string>>([
    ['cdktf', new Set(['App', 'LocalBackend', 'OssBackend', 'S3Backend', 'TerraformStack', 'Testing'])],
    ['@cdktf/provider-aws/lib/provider', new Set(['AwsProvider'])],
    ['cdktf-serverless-constructs', new Set(['alicloud', 'aws'])],
  ]);
  for (const { code } of blocks) {
    for (const m of code.matchAll(/^import \{([^}]*)\} from '([^']+)';$/gm)) {
      const names = named.get(m[2]) ?? new Set<string>();
      m[1]
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)
        .forEach((n) => names.add(n));
      named.set(m[2], names);
    }
  }
  const imports = [...named.entries()].map(([module, names]) => `import { ${[...names].sort().join(', ')} } from '${module}';`);
  const sections = new Map<string, string[]>();
  for (const { section, code } of blocks) {
    // The hoisted imports above cover every module the README imports from.
    const body = code
      .split('\n')
      .filter((l) => !l.startsWith('import '))
      .join('\n');
    sections.set(section, [...(sections.get(section) ?? []), body]);
  }
  // "Use" builds its own app and stack in its first block; every other section gets a fresh one.
  const preamble = 'declare const expect: (value: unknown) => { toBeDefined(): void };\n';
  const source =
    imports.join('\n') +
    '\n' +
    preamble +
    [...sections.entries()]
      .map(([name, bodies], i) => {
        const setup = name === 'Use' ? '' : `const app = new App();\nconst stack = new TerraformStack(app, 's${i}');\n`;
        return `// ${name || 'introduction'}\nexport function section${i}(): void {\n${setup}${bodies.join('\n')}\n}\n`;
      })
      .join('\n');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-'));
  const file = path.join(dir, 'readme.ts');
  fs.writeFileSync(file, source);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    skipLibCheck: true,
    esModuleInterop: true,
    baseUrl: root,
    paths: {
      'cdktf-serverless-constructs': ['lib/index.ts'],
      'cdktf-serverless-constructs/alicloud-provider': ['lib/generated/alicloud/index.ts'],
      'cdktf-serverless-constructs/alicloud-provider/*': ['lib/generated/alicloud/*/index.ts'],
      '*': ['node_modules/*'],
    },
    typeRoots: [path.join(root, 'node_modules', '@types')],
    types: ['node'],
  });
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file)
    .map((d) => `${d.file!.getLineAndCharacterOfPosition(d.start!).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  if (diagnostics.length > 0) {
    const numbered = source
      .split('\n')
      .map((l, n) => `${n + 1}  ${l}`)
      .join('\n');
    throw new Error(`README blocks do not compile:\n${diagnostics.join('\n')}\n\n${numbered}`);
  }
});
