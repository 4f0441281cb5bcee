import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src', import.meta.url));

/**
 * `ordercore` and `ordercore/<sub>` resolve to the sources, as tsconfig.json's `paths` do, so tests
 * can import the package by its public name without a build.
 */
const sourceAliases = [
  { find: /^ordercore$/, replacement: `${src}/index.ts` },
  { find: /^ordercore\/([a-z-]+)$/, replacement: `${src}/$1/index.ts` },
];

/**
 * Six projects:
 * - `unit`, `property` and `types` run against the sources: `npm test` runs exactly these three;
 * - `build` runs against the built `dist/` through Node's own resolution of the package name, so it
 *   needs `npm run build` first: `npm run test:build` does both. `npm test` never selects it.
 * - `browser` runs scenarios on the built `dist/` in Node and in headless Chromium and compares the
 *   results byte for byte: `npm run test:browser` builds first. Needs /usr/bin/chromium. Not in `npm test`.
 * - `postgres` runs the SQL adapters against a real PostgreSQL server at DATABASE_URL:
 *   `bash .ci/postgres.sh npx vitest run --project postgres` starts a throwaway server. Not in `npm test`.
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        resolve: { alias: sourceAliases },
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [
            ...configDefaults.exclude,
            'test/**/*.prop.test.ts',
            'test/build/**',
            'test/browser/**',
            'test/adapters/postgres.test.ts',
          ],
        },
      },
      {
        extends: true,
        resolve: { alias: sourceAliases },
        test: {
          name: 'property',
          include: ['test/**/*.prop.test.ts'],
          // Property suites run hundreds of generated cases; on a loaded 2-core machine a few take
          // several seconds, so the default 5 s per test is too tight to tell slow from stuck.
          testTimeout: 30_000,
          exclude: [...configDefaults.exclude, 'test/build/**', 'test/browser/**'],
        },
      },
      {
        extends: true,
        resolve: { alias: sourceAliases },
        test: {
          name: 'types',
          // Type tests are checked by tsc against the root tsconfig (its `paths` map `ordercore`), never run.
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: ['test/**/*.test-d.ts'],
            exclude: [...configDefaults.exclude, 'test/build/**', 'test/browser/**'],
            tsconfig: './tsconfig.json',
            // Errors outside *.test-d.ts files are `npm run typecheck`'s to report; here they would only
            // hide the type tests' own results behind "Unhandled Source Error"s.
            ignoreSourceErrors: true,
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          // Each test spawns Node processes on the built output.
          testTimeout: 30_000,
        },
      },
      {
        // The SQL adapters on a real PostgreSQL server (DATABASE_URL): `.ci/postgres.sh` starts a throwaway
        // one and runs `npx vitest run --project postgres`. Not in `npm test`.
        extends: true,
        resolve: { alias: sourceAliases },
        test: {
          name: 'postgres',
          include: ['test/adapters/postgres.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // Launching Chromium and a Node process per scenario; generous for a loaded CI machine.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
