/**
 * Node/Chromium determinism: the pricing promise is that the same code gives the same answer on the
 * server and in a shopper's browser. Every scenario in `scenarios/*.mjs` runs twice against the BUILT
 * package: in a fresh Node process (`ordercore/<name>` through package.json `exports`) and in headless
 * Chromium (the page imports `/dist/<name>/index.js` over HTTP). The two results must be
 * byte-identical, except a scenario's `intl` key (ICU-dependent text), which is compared on its own
 * and whose differences are reported, not failed on.
 *
 * Run with `npm run test:browser` (builds first). Needs Debian's chromium at /usr/bin/chromium; without
 * it every test here fails and says how to install it. See test/browser/README.md to add a scenario.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { BROWSER_LOCALE, BROWSER_TIME_ZONE, type Chromium, launchChromium } from './harness/chromium.js';
import { allDifferences, firstDifference } from './harness/compare.js';
import { type StaticServer, serveStatic } from './harness/server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCENARIO_DIR = 'test/browser/scenarios';
const SCENARIOS = readdirSync(join(ROOT, SCENARIO_DIR))
  .filter((name) => name.endsWith('.mjs'))
  .sort();

/** What one side reports: canonical JSON of the strict part and of the `intl` part (or null). */
interface Run {
  readonly runtime: Record<string, string | null>;
  readonly strict: string;
  readonly intl: string | null;
}
interface NodeRun extends Run {
  /** The file each subpath resolved to, as a URL. */
  readonly resolved: Record<string, string>;
}

let chromium: Promise<Chromium> | undefined;
let server: Promise<StaticServer> | undefined;
const runs = new Map<string, Promise<{ node: NodeRun; chromium: Run }>>();

/** One Chromium and one server for the whole file, started on first use, closed in afterAll. */
function getChromium(): Promise<Chromium> {
  chromium ??= launchChromium();
  return chromium;
}
function getServer(): Promise<StaticServer> {
  server ??= serveStatic(ROOT);
  return server;
}

afterAll(async () => {
  await Promise.allSettled([chromium?.then((c) => c.close()), server?.then((s) => s.close())]);
});

function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'dist/index.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (`npm run test:browser` does both).');
  }
}

async function runInNode(scenario: string): Promise<NodeRun> {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['test/browser/harness/node.mjs', `${SCENARIO_DIR}/${scenario}`],
      {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        timeout: 60_000,
        // A fresh Node, not vitest's: no loaders, and a known zone and locale (the page gets others).
        env: { ...process.env, NODE_OPTIONS: '', TZ: 'UTC', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' },
      },
    );
    return JSON.parse(stdout) as NodeRun;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(
      `${scenario} failed in Node:\n${stderr || String(error)}\n` +
        'Is every subpath the scenario lists in `subpaths` a public, built subpath (tsup.config.ts SUBPATHS, package.json exports, `npm run build`)?',
    );
  }
}

async function runInChromium(scenario: string): Promise<Run> {
  const { context } = await getChromium();
  const { origin, failures } = await getServer();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  try {
    await page.goto(`${origin}/test/browser/harness/page.html`);
    await page.waitForFunction('globalThis.ordercoreHarness !== undefined', undefined, { timeout: 30_000 });
    // A string, not a function: vitest rewrites `import()` inside functions, which would break in the page.
    const json = await page.evaluate<string>(
      `globalThis.ordercoreHarness.run(${JSON.stringify(`/${SCENARIO_DIR}/${scenario}`)})`,
    );
    return JSON.parse(json) as Run;
  } catch (error) {
    throw new Error(
      `${scenario} failed in Chromium: ${error instanceof Error ? error.message : String(error)}\n` +
        [...problems, ...failures.map((f) => `HTTP ${f}`)].join('\n'),
    );
  } finally {
    await page.close();
  }
}

function runBoth(scenario: string): Promise<{ node: NodeRun; chromium: Run }> {
  let run = runs.get(scenario);
  if (run === undefined) {
    assertBuilt();
    run = Promise.all([runInNode(scenario), runInChromium(scenario)]).then(([node, chromium]) => ({ node, chromium }));
    runs.set(scenario, run);
  }
  return run;
}

/** Leaf values in a JSON text: a scenario that computes next to nothing would agree vacuously. */
function countLeaves(json: string): number {
  const count = (value: unknown): number =>
    typeof value === 'object' && value !== null ? Object.values(value).reduce<number>((n, v) => n + count(v), 0) : 1;
  return count(JSON.parse(json));
}

describe('the browser side', () => {
  it('is real headless Chromium, with its own time zone and locale', async () => {
    const { context } = await getChromium();
    const page = await context.newPage();
    try {
      const seen = await page.evaluate<{ userAgent: string; hasProcess: boolean; timeZone: string; locale: string }>(
        `({
          userAgent: navigator.userAgent,
          hasProcess: typeof process !== 'undefined',
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          locale: navigator.language,
        })`,
      );
      expect(seen.userAgent).toMatch(/HeadlessChrome\/\d+|Chrome\/\d+/);
      expect(seen.hasProcess).toBe(false);
      expect(seen).toMatchObject({ timeZone: BROWSER_TIME_ZONE, locale: BROWSER_LOCALE });
    } finally {
      await page.close();
    }
  });

  it('has scenarios to run', () => {
    expect(SCENARIOS.length, `no *.mjs files in ${SCENARIO_DIR}`).toBeGreaterThan(0);
  });
});

describe.each(SCENARIOS)('scenario %s', (scenario) => {
  it('gives byte-identical results in Node and in Chromium', async () => {
    const { node, chromium: browser } = await runBoth(scenario);

    // Each side really ran where it should, on the built files.
    expect(node.runtime['node']).toBe(process.versions.node);
    expect(browser.runtime['userAgent']).toMatch(/HeadlessChrome\/\d+|Chrome\/\d+/);
    expect(Object.keys(node.resolved).length).toBeGreaterThan(0);
    for (const [name, url] of Object.entries(node.resolved)) {
      expect(url, `ordercore/${name}`).toBe(pathToFileURL(join(ROOT, `dist/${name}/index.js`)).href);
    }
    expect(countLeaves(node.strict), 'the scenario computes too little to mean anything').toBeGreaterThanOrEqual(100);

    const difference = firstDifference(node.strict, browser.strict);
    expect(difference, `Node and Chromium disagree on ${scenario}: first difference at ${difference}`).toBeUndefined();
    expect(browser.strict).toBe(node.strict);
  });

  // ICU data is the runtimes', not ordercore's, and updates on its own schedule on each side: a
  // difference here is reported (in the output and as an annotation) rather than failed on.
  it('reports differences in locale-sensitive (intl) output', async ({ annotate }) => {
    const { node, chromium: browser } = await runBoth(scenario);
    expect(browser.intl === null, 'both sides must have an intl section, or neither').toBe(node.intl === null);
    if (node.intl === null || browser.intl === null) {
      await annotate(`${scenario}: no intl section`);
      return;
    }
    const differences = allDifferences(node.intl, browser.intl);
    const where = `Node ${node.runtime['node']} (ICU ${node.runtime['icu']}) vs ${browser.runtime['userAgent']}`;
    const summary =
      differences.length === 0
        ? `${scenario}: intl output identical (${countLeaves(node.intl)} values; ${where})`
        : `${scenario}: ${differences.length}${differences.length >= 50 ? '+' : ''} intl differences (${where}):\n  ${differences.join('\n  ')}`;
    console.info(summary);
    await annotate(summary, differences.length === 0 ? 'notice' : 'warning');
  });
});
