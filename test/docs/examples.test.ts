// Every TSDoc @example in src/ runs here, and every `expr; //=> value` line in it is asserted, so the
// documentation cannot drift from the code. Every exported declaration must carry an @example.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SUBPATHS } from '../../tsup.config.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = join(root, 'src');
const outDir = join(root, 'test/.examples');

interface Example {
  readonly name: string;
  readonly code: string;
}

function sourceFiles(): string[] {
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(src, file))
    .sort();
}

function docBlocks(text: string): { block: string; end: number }[] {
  const blocks: { block: string; end: number }[] = [];
  const pattern = /\/\*\*([\s\S]*?)\*\//g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    blocks.push({
      block: (match[1] ?? '')
        .split('\n')
        .map((line) => line.replace(/^\s*\* ?/, ''))
        .join('\n'),
      end: pattern.lastIndex,
    });
  }
  return blocks;
}

function examplesOf(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  const examples: Example[] = [];
  for (const { block } of docBlocks(text)) {
    const fence = /@example\s*```ts\n([\s\S]*?)```/g;
    for (let match = fence.exec(block); match !== null; match = fence.exec(block)) {
      examples.push({ name: `${relative(root, file)} #${examples.length + 1}`, code: match[1] ?? '' });
    }
  }
  return examples;
}

function toRunnable(code: string): { program: string; assertions: number } {
  let assertions = 0;
  const body = code
    .replace(/from 'ordercore'/g, `from ${JSON.stringify(join(src, 'index.ts'))}`)
    .replace(/from 'ordercore\/([a-z]+)'/g, (_, sub: string) => `from ${JSON.stringify(join(src, sub, 'index.ts'))}`)
    .split('\n')
    .map((line) => {
      const match = /^(\s*)(.+?);\s*\/\/=>\s*(.+)$/.exec(line);
      if (match === null) return line;
      assertions += 1;
      return `${match[1]}__expect(${match[2]}, ${match[3]});`;
    })
    .join('\n');
  const header =
    "import { expect as __vitestExpect } from 'vitest';\nconst __expect = (actual: unknown, expected: unknown): void => { __vitestExpect(actual).toEqual(expected); };\n";
  // Hoist imports above the helper so the module stays valid.
  const imports = body.split('\n').filter((line) => /^import\s/.test(line));
  const rest = body.split('\n').filter((line) => !/^import\s/.test(line));
  return { program: `${imports.join('\n')}\n${header}${rest.join('\n')}\nexport {};\n`, assertions };
}

/** ```ts blocks of the README and the guides that carry `//=>` lines: documentation that must hold. */
function markdownExamples(): Example[] {
  const docs = join(root, 'docs');
  const markdown = [
    join(root, 'README.md'),
    ...readdirSync(docs, { encoding: 'utf8' })
      .filter((file) => file.endsWith('.md'))
      .map((file) => join(docs, file))
      .sort(),
  ];
  return markdown.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const blocks = [...text.matchAll(/```ts\n([\s\S]*?)```/g)]
      .map((m) => m[1] ?? '')
      .filter((code) => code.includes('//=>'));
    return blocks.map((code, i) => ({ name: `${relative(root, file)} #${i + 1}`, code }));
  });
}

const files = sourceFiles();
const examples = [...files.flatMap(examplesOf), ...markdownExamples()];

describe('TSDoc examples', () => {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  it('exist', () => {
    expect(examples.length).toBeGreaterThan(50);
  });

  // Every example is written out first (the type-check below needs them all, whichever tests run).
  const runnable = examples.map((example) => {
    const { program, assertions } = toRunnable(example.code);
    const file = join(outDir, `${example.name.replace(/[^a-zA-Z0-9]+/g, '_')}.ts`);
    writeFileSync(file, program);
    return { name: example.name, file, assertions };
  });

  it.each(runnable)('$name runs and its //=> lines hold', async ({ file, assertions }) => {
    expect(assertions, 'an example must show at least one `expr; //=> value` line').toBeGreaterThan(0);
    await import(pathToFileURL(file).href);
  });

  // Running an example strips its types without checking them, so an example that would not
  // compile in a user's project (a wrong type, a missing field) still ran. Every example written
  // above is type-checked too, against the root tsconfig (strict, exactOptionalPropertyTypes ...).
  it('type-check against the root tsconfig', () => {
    writeFileSync(
      join(outDir, 'tsconfig.json'),
      JSON.stringify({
        extends: '../../tsconfig.json',
        compilerOptions: { allowImportingTsExtensions: true, noEmit: true, noUnusedLocals: false },
        include: ['./*.ts'],
      }),
    );
    const tsc = join(root, 'node_modules/typescript/lib/tsc.js');
    const run = spawnSync(process.execPath, [tsc, '-p', join(outDir, 'tsconfig.json')], { encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 120_000);
});

describe('every export is documented with an example', () => {
  const declaration =
    /^export (?:declare )?(?:abstract )?(?:async )?(function|const|class|interface|type|enum) ([A-Za-z0-9_$]+)/gm;
  const undocumented: string[] = [];
  for (const file of files) {
    if (/[/\\]internal[/\\]/.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    const blocks = docBlocks(text);
    for (let match = declaration.exec(text); match !== null; match = declaration.exec(text)) {
      const start = match.index;
      const doc = blocks.filter((b) => b.end <= start && text.slice(b.end, start).trim() === '').at(-1);
      const name = `${relative(root, file)}: ${match[2]}`;
      if (doc === undefined || !doc.block.includes('@example')) undocumented.push(name);
    }
  }
  it('has no undocumented exported declaration outside internal/', () => {
    // Internal helpers exported between files of one module are allowed without docs only when
    // they are not re-exported from a public entry.
    const publicEntries = ['src/index.ts', ...SUBPATHS.map((name) => `src/${name}/index.ts`)]
      .map((f) => readFileSync(join(root, f), 'utf8'))
      .join('\n');
    const offenders = undocumented.filter((entry) => {
      const name = entry.split(': ')[1] ?? '';
      return new RegExp(`\\b${name}\\b`).test(publicEntries);
    });
    expect(offenders).toEqual([]);
  });
});
