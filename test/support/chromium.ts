import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's chromium package; `.ci/run` installs it when missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser tests can run here. In CI (`CI` or `DONEGATE_REQUIRE_CHROMIUM` set) a missing
 * browser is an error, so the report is never silently left untested; elsewhere the suite is skipped
 * with a message saying how to run it.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const message = `Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`;
  if (process.env.CI || process.env.DONEGATE_REQUIRE_CHROMIUM) throw new Error(message);
  console.warn(`SKIPPING the browser tests: ${message}`);
  return false;
}

/** Headless Chromium with a fresh profile and nothing that reaches the network on its own. */
export async function launchChromium(options: { extraHTTPHeaders?: Record<string, string>; viewport?: { width: number; height: number }; bypassCSP?: boolean } = {}): Promise<BrowserContext> {
  const profile = await mkdtemp(join(tmpdir(), 'donegate-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: options.viewport ?? { width: 1200, height: 900 },
    ...(options.extraHTTPHeaders ? { extraHTTPHeaders: options.extraHTTPHeaders } : {}),
    ...(options.bypassCSP ? { bypassCSP: true } : {}),
  });
}

/** Headless Chromium as a browser, for tests that need several fresh contexts (a link opened by someone else). */
export async function launchChromiumBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}
