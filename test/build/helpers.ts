import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SUBPATHS } from '../../tsup.config.js';

/** The repository root: `node` runs here so `ordercore/...` resolves to this package (self-reference). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export { SUBPATHS };

/** Every public specifier: the root entry, then one per subpath (the list lives in tsup.config.ts). */
export const SPECIFIERS: readonly string[] = ['ordercore', ...SUBPATHS.map((name) => `ordercore/${name}`)];

/** The built file behind a specifier, relative to the root, e.g. `dist/money/index.js`. */
export function distFile(specifier: string, format: Format): string {
  const sub = specifier === 'ordercore' ? '' : `${specifier.slice('ordercore/'.length)}/`;
  return `dist/${sub}index.${format === 'esm' ? 'js' : 'cjs'}`;
}

export type Format = 'esm' | 'cjs';
export const FORMATS: readonly Format[] = ['esm', 'cjs'];

/** Fails with a useful message when the tests run before `npm run build`. */
export function assertBuilt(): void {
  const missing = SPECIFIERS.flatMap((s) => FORMATS.map((f) => distFile(s, f))).filter(
    (file) => !existsSync(`${ROOT}/${file}`),
  );
  if (missing.length > 0) {
    throw new Error(`Missing ${missing.join(', ')}: run \`npm run build\` first (or \`npm run test:build\`).`);
  }
}

/**
 * Runs `body` in a fresh Node process, as an ES module (`load` is `import()`) or as CommonJS (`load` is
 * `require`), and returns what the body returned, through JSON on stdout.
 *
 * `body` is the text of an async function body; it sees `load(specifier)` and `format`.
 */
export function runInNode<T>(format: Format, body: string): T {
  const load =
    format === 'esm'
      ? 'const load = (s) => import(s); const resolve = (s) => import.meta.resolve(s);'
      : "const load = async (s) => require(s); const resolve = (s) => require('node:url').pathToFileURL(require.resolve(s)).href;";
  const script = `${load}
const format = ${JSON.stringify(format)};
(async () => { ${body} })().then(
  (value) => { process.stdout.write(JSON.stringify(value)); },
  (error) => { console.error(error); process.exitCode = 1; },
);`;
  const stdout = execFileSync(
    process.execPath,
    [`--input-type=${format === 'esm' ? 'module' : 'commonjs'}`, '--eval', script],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
  );
  return JSON.parse(stdout) as T;
}

/** package.json, parsed. */
export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(`${ROOT}/${file}`, 'utf8')) as T;
}
