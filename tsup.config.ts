import { defineConfig } from 'tsup';

/**
 * The public subpaths, each built from `src/<name>/index.ts` to `dist/<name>/index.{js,cjs,d.ts,d.cts}`.
 * The root entry `src/index.ts` is always built too.
 *
 * Adding a subpath (orders, pricing, inventory, ...)? Add it here, then list it in the same places:
 * - package.json `exports` (nested import/require conditions, each with its own `types`) and `typesVersions`,
 * - package.json `typedocOptions.entryPoints`,
 * - package.json `size-limit` (one budget per subpath).
 * test/build reads this array: its smoke tests cover every subpath listed here, and
 * test/build/package.test.ts fails while the other lists disagree with it.
 */
export const SUBPATHS = [
  'adapters',
  'inventory',
  'kpi',
  'money',
  'orders',
  'picking',
  'pricing',
  'replenishment',
  'schemas',
  'shipping',
  'testing',
  'workflows',
] as const;

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    ...Object.fromEntries(SUBPATHS.map((name) => [`${name}/index`, `src/${name}/index.ts`])),
  },
  format: ['esm', 'cjs'],
  // Shared code (src/core's error classes above all) goes into chunks imported by every entry, in
  // both formats, so `instanceof OrdercoreError` holds across subpaths.
  splitting: true,
  target: 'es2022',
  platform: 'neutral',
  dts: {
    // TS 6 deprecates `baseUrl`, which tsup's .d.ts step sets internally (TS5101).
    compilerOptions: { ignoreDeprecations: '6.0' },
  },
  clean: true,
  treeshake: true,
  sourcemap: true,
  outDir: 'dist',
});
