import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; nodes: unknown[] }>;
}

/**
 * Axe's serious and critical findings on the page as it is now, as "rule (impact, n nodes)". Axe is injected
 * as a script, so the page's context must be made with `bypassCSP: true`: our CSP rightly refuses it.
 */
export async function seriousViolationsOn(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: await AXE_SOURCE });
  const result = await page.evaluate(() => (globalThis as unknown as { axe: { run(): Promise<AxeResult> } }).axe.run());
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
}

/** The same for `url`, opened in a new tab of `context` (made with `bypassCSP: true`) that is closed after. */
export async function seriousViolationsAt(context: BrowserContext, url: string): Promise<string[]> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    return await seriousViolationsOn(page);
  } finally {
    await page.close();
  }
}
