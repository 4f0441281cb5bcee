// Runs one scenario and serialises its result. The very same file runs in Node (harness/node.mjs) and
// in Chromium (harness/browser.mjs), so both sides load, call and serialise in exactly the same way;
// only `load` differs (Node resolves `ordercore/<name>` through package.json `exports`, the page
// imports `/dist/<name>/index.js`, the same file).

/** The top-level result key for output that depends on the runtime's ICU data; compared on its own. */
export const INTL_KEY = 'intl';

/**
 * Imports the subpaths the scenario names (`export const subpaths = ['money']`), calls its
 * `run(lib)` and returns `{ strict, intl }`: the result without its `intl` key, and that key alone,
 * each as canonical JSON (see `serialize`).
 *
 * @param {{ subpaths: readonly string[], run: (lib: Record<string, unknown>) => unknown }} scenario
 * @param {(name: string) => Promise<unknown>} load
 * @returns {Promise<{ strict: string, intl: string | null }>}
 */
export async function runScenario(scenario, load) {
  if (!Array.isArray(scenario.subpaths) || scenario.subpaths.length === 0) {
    throw new Error("A scenario must export `subpaths`, e.g. `export const subpaths = ['money'];`.");
  }
  if (typeof scenario.run !== 'function') throw new Error('A scenario must export `async function run(lib)`.');
  const lib = {};
  for (const name of scenario.subpaths) lib[name] = await load(name);
  const result = await scenario.run(Object.freeze(lib));
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    throw new Error('A scenario must return a plain object.');
  }
  const { [INTL_KEY]: intl, ...strict } = result;
  return { strict: serialize(strict), intl: intl === undefined ? null : serialize(intl) };
}

/**
 * `JSON.stringify`, except that values JSON would blur or drop are written out, so they still have to
 * agree byte for byte: `-0`, `NaN`, `±Infinity`, `undefined` and bigints become `{ "$number": "-0" }`,
 * `{ "$undefined": true }`, `{ "$bigint": "12" }`. Functions, symbols, maps and sets throw, because
 * JSON would silently turn them into nothing.
 *
 * @param {unknown} value
 * @returns {string}
 */
export function serialize(value) {
  return JSON.stringify(value, function replacer(key, v) {
    if (typeof v === 'number') {
      if (Object.is(v, -0)) return { $number: '-0' };
      if (!Number.isFinite(v)) return { $number: String(v) };
      return v;
    }
    if (typeof v === 'bigint') return { $bigint: v.toString() };
    if (v === undefined) return { $undefined: true };
    if (typeof v === 'function' || typeof v === 'symbol' || v instanceof Map || v instanceof Set) {
      throw new Error(`Scenario result at key ${JSON.stringify(key)} is not JSON data (${typeof v}).`);
    }
    return v;
  });
}
