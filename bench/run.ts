// `npm run bench`: runs every bench/*.bench.ts in its own process, one after another, so one
// benchmark's JIT state and garbage never colour another's numbers. `npm run bench -- money` runs
// only the files whose name contains `money`.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts') && (only === undefined || file.includes(only)))
  .sort();
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  execFileSync(process.execPath, ['--import', 'tsx', join(here, file)], {
    stdio: 'inherit',
    // bench/tsconfig.json has no `paths`, so `ordercore/*` resolves to the built package, not src/.
    env: { ...process.env, TSX_TSCONFIG_PATH: join(here, 'tsconfig.json') },
  });
}
