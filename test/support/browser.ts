/**
 * Debian's Chromium driven by playwright-core. Never downloads a browser:
 * scripts/ensure-chromium.sh installs the Debian package where missing.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.PENHOLDER_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}; run scripts/ensure-chromium.sh (npm test does)`);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

/** A browser context whose user has already joined as `delegation` / `name`. */
export async function delegatePage(browser: Browser, baseUrl: string, delegation: string, name: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, baseURL: baseUrl });
  await context.addInitScript((identity) => localStorage.setItem('penholder:identity', JSON.stringify(identity)), { delegation, name });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, errors };
}

/** Opens a document and waits until the editor shows it, connected. */
export async function openDocument(page: Page, id: string): Promise<void> {
  await page.goto(`/documents/${id}`);
  await page.waitForSelector('.resolution .res-op');
  await page.waitForSelector('[data-status="connected"]');
}

/** Visible markers of the operative part, as the CSS draws them. */
export function operativeMarkers(page: Page): Promise<string[]> {
  return page.$$eval('.resolution .res-op, .resolution .res-sub', (els) =>
    els.map((el) => getComputedStyle(el, '::before').content.replace(/^"|"$/g, '')),
  );
}

export function operativeTexts(page: Page): Promise<string[]> {
  return page.$$eval('.resolution .res-op, .resolution .res-sub', (els) => els.map((el) => (el as HTMLElement).innerText.trim()));
}

/** The built client served by a real server, and a Chromium to drive it: the setup of every e2e test file. */
export async function startBrowserEnvironment(): Promise<{ server: import('./server').TestServer; browser: Browser; close(): Promise<void> }> {
  const { fileURLToPath } = await import('node:url');
  const { startTestServer, tempDataDir } = await import('./server');
  const clientDir = fileURLToPath(new URL('../../dist/client', import.meta.url));
  if (!existsSync(`${clientDir}/index.html`)) throw new Error('dist/client is missing: run `vite build` first (npm test does)');
  const data = tempDataDir();
  const server = await startTestServer({ dataDir: data.dir, clientDir });
  const browser = await launchChromium();
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      data.remove();
    },
  };
}
