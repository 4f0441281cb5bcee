// Node side: `node test/browser/harness/node.mjs <scenario file>`, run from the repository root.
// `ordercore/<name>` resolves through package.json `exports` to the BUILT files in dist/ (Node's
// self-reference), exactly as for an installed package. Prints one JSON line on stdout.
import { pathToFileURL } from 'node:url';
import { runScenario } from './run.mjs';

const [file] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: node test/browser/harness/node.mjs <scenario file>');

const scenario = await import(pathToFileURL(file).href);
const { strict, intl } = await runScenario(scenario, (name) => import(`ordercore/${name}`));
const resolved = Object.fromEntries(scenario.subpaths.map((name) => [name, import.meta.resolve(`ordercore/${name}`)]));
const runtime = {
  node: process.versions.node,
  icu: process.versions.icu ?? null,
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  locale: Intl.NumberFormat().resolvedOptions().locale,
};
process.stdout.write(JSON.stringify({ runtime, resolved, strict, intl }));
