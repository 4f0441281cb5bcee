// Chromium side, loaded by page.html. Subpaths are imported from `/dist/<name>/index.js` (the file
// package.json `exports` maps `ordercore/<name>` to); its chunks resolve relatively.
import { runScenario } from './run.mjs';

globalThis.ordercoreHarness = {
  /** @param {string} scenarioUrl e.g. `/test/browser/scenarios/money.mjs` */
  async run(scenarioUrl) {
    const scenario = await import(scenarioUrl);
    const { strict, intl } = await runScenario(scenario, (name) => import(`/dist/${name}/index.js`));
    const runtime = {
      userAgent: navigator.userAgent,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      locale: Intl.NumberFormat().resolvedOptions().locale,
    };
    return JSON.stringify({ runtime, strict, intl });
  },
};
