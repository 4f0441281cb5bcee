import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's chromium (playwright-core downloads no browser). `ORDERCORE_CHROMIUM` overrides it. */
export const CHROMIUM = process.env['ORDERCORE_CHROMIUM'] ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The page's time zone and default locale, deliberately far from the Node side's (UTC, en-US): code
 * that reads the machine's clock zone or locale then shows up as a Node/Chromium difference instead
 * of passing by luck.
 */
export const BROWSER_TIME_ZONE = 'Pacific/Kiritimati';
export const BROWSER_LOCALE = 'de-DE';

export interface Chromium {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Launches headless Chromium in a fresh profile; fails with instructions when it is not installed. */
export async function launchChromium(): Promise<Chromium> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}, and the Node/browser determinism test needs a real browser. ` +
        "Install Debian's chromium: `apt-get update && apt-get install -y chromium` (as root; .ci/run does this).",
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'ordercore-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      locale: BROWSER_LOCALE,
      timezoneId: BROWSER_TIME_ZONE,
    });
    return {
      context,
      close: async () => {
        try {
          await context.close();
        } finally {
          rmSync(profile, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
