import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, distFile, FORMATS, type Format, ROOT, readJson, SPECIFIERS, SUBPATHS } from './helpers.js';

interface Conditions {
  readonly types: string;
  readonly default: string;
}
interface PackageJson {
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly exports: Record<string, { import: Conditions; require: Conditions } | string>;
  readonly typesVersions: Record<string, Record<string, string[]>>;
  readonly typedocOptions: { readonly entryPoints: readonly string[] };
  readonly 'size-limit': readonly { readonly name: string; readonly path: string }[];
}

const pkg = readJson<PackageJson>('package.json');

// The list of subpaths lives in tsup.config.ts; everything else that enumerates them must agree.
describe('the subpath list is the same everywhere', () => {
  it('package.json exports', () => {
    const expected: Record<string, unknown> = {};
    for (const specifier of SPECIFIERS) {
      const key = specifier === 'ordercore' ? '.' : `./${specifier.slice('ordercore/'.length)}`;
      const esm = distFile(specifier, 'esm');
      const cjs = distFile(specifier, 'cjs');
      expected[key] = {
        import: { types: `./${esm.replace(/\.js$/, '.d.ts')}`, default: `./${esm}` },
        require: { types: `./${cjs.replace(/\.cjs$/, '.d.cts')}`, default: `./${cjs}` },
      };
    }
    expected['./package.json'] = './package.json';
    expect(pkg.exports).toEqual(expected);
  });

  it('package.json typesVersions (node10 resolution)', () => {
    expect(pkg.typesVersions).toEqual({
      '*': Object.fromEntries(SUBPATHS.map((name) => [name, [`./dist/${name}/index.d.cts`]])),
    });
  });

  it('typedoc entryPoints (package.json typedocOptions)', () => {
    expect(pkg.typedocOptions.entryPoints).toEqual(['src/index.ts', ...SUBPATHS.map((name) => `src/${name}/index.ts`)]);
  });

  it('size budgets (package.json size-limit)', () => {
    expect(pkg['size-limit'].map((b) => [b.name, b.path])).toEqual(
      SPECIFIERS.map((specifier) => [specifier, distFile(specifier, 'esm')]),
    );
  });
});

/** The static and dynamic import specifiers of one emitted file (esbuild output, so regular in form). */
function importSpecifiers(code: string): string[] {
  const patterns = [
    /^\s*(?:import|export)[\w$\s{},*]*?\bfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1] ?? ''));
}

/** Walks the emitted import graph from one entry: the files it loads and the packages it imports. */
function importGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of importSpecifiers(readFileSync(join(ROOT, file), 'utf8'))) {
      if (specifier.startsWith('.')) {
        const target = relative(ROOT, join(ROOT, dirname(file), specifier));
        expect(existsSync(join(ROOT, target)), `${file} imports missing ${specifier}`).toBe(true);
        pending.push(target);
      } else {
        // The package name: `zod` of `zod/mini`, `@scope/pkg` of `@scope/pkg/sub`.
        const segments = specifier.split('/');
        packages.add(segments.slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
      }
    }
  }
  return { files: [...files].sort(), packages: [...packages].sort() };
}

describe.each(FORMATS)('%s import graph', (format: Format) => {
  beforeAll(assertBuilt);

  it('ordercore/money imports no package at all (in particular, not zod)', () => {
    const graph = importGraph(distFile('ordercore/money', format));
    // Not vacuous: the entry re-exports from a shared chunk.
    expect(graph.files.length).toBeGreaterThan(1);
    expect(graph.packages).toEqual([]);
  });

  it('ordercore/pricing imports no package at all (no zod, no immer: it runs in browsers)', () => {
    const graph = importGraph(distFile('ordercore/pricing', format));
    expect(graph.files.length).toBeGreaterThan(1);
    expect(graph.packages).toEqual([]);
  });

  it('ordercore/orders imports no package at all (no zod, no immer)', () => {
    const graph = importGraph(distFile('ordercore/orders', format));
    expect(graph.files.length).toBeGreaterThan(1);
    expect(graph.packages).toEqual([]);
  });

  it('ordercore/pricing loads no orders code (the browser bundle stays small)', () => {
    const pricing = importGraph(distFile('ordercore/pricing', format));
    const orders = importGraph(distFile('ordercore/orders', format));
    // Shared chunks (core, money) may be common; the orders entry and anything only it loads may not.
    expect(pricing.files).not.toContain(distFile('ordercore/orders', format));
    for (const file of pricing.files) {
      const code = readFileSync(join(ROOT, file), 'utf8');
      expect(code, `${file} (loaded by ordercore/pricing) holds orders code`).not.toMatch(
        /OrderTransitionError|defineMachine/,
      );
    }
    // Not vacuous: the orders graph does hold that code.
    expect(orders.files.some((file) => /OrderTransitionError/.test(readFileSync(join(ROOT, file), 'utf8')))).toBe(true);
  });

  it('the root entry does not import zod', () => {
    expect(importGraph(distFile('ordercore', format)).packages).not.toContain('zod');
  });

  it('ordercore/schemas imports zod (so the check above can see it)', () => {
    expect(importGraph(distFile('ordercore/schemas', format)).packages).toContain('zod');
  });

  it('every package a subpath imports is listed in dependencies', () => {
    const declared = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
    for (const specifier of SPECIFIERS) {
      for (const name of importGraph(distFile(specifier, format)).packages) {
        expect(declared, `${specifier} imports ${name}`).toContain(name);
      }
    }
  });
});
