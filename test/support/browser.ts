/**
 * Debian's Chromium driven by playwright-core. Never downloads a browser:
 * scripts/ensure-chromium.sh installs the Debian package where missing.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ParticipantRole } from '../../shared/auth/roles';
import { createInvitation } from './server';

export const CHROMIUM = process.env.PENHOLDER_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}; run scripts/ensure-chromium.sh (npm test does)`);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

/** A fresh browser context that reports page errors. */
async function newPage(browser: Browser, baseUrl: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, baseURL: baseUrl });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // A refused WebSocket upgrade or a 401/403 the app explains is logged by Chromium itself; anything else is an error.
    if (m.type() === 'error' && !/WebSocket connection to .* failed|status of 40[13]/.test(m.text())) errors.push(m.text());
  });
  return { context, page, errors };
}

/**
 * A browser context signed in as `delegation` / `name` of `documentId`
 * through a real invitation link (issued by the administrator): the page
 * opens the link, and the app lands on the document.
 */
export async function delegatePage(
  browser: Browser,
  server: { url: string },
  delegation: string,
  name: string,
  documentId: string,
  role: ParticipantRole = 'delegation',
): Promise<{ context: BrowserContext; page: Page; errors: string[]; link: string }> {
  const { link } = await createInvitation(server, documentId, { delegation, name, role });
  const opened = await newPage(browser, server.url);
  await opened.page.goto(link);
  await opened.page.waitForURL(`**/documents/${documentId}`);
  return { ...opened, link };
}

/** A browser context signed in as the administrator, through the admin sign-in link. */
export async function adminPage(browser: Browser, server: { url: string; adminToken: string }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const opened = await newPage(browser, server.url);
  await opened.page.goto(`/join/${encodeURIComponent(server.adminToken)}`);
  await opened.page.getByRole('heading', { name: 'Documents' }).waitFor();
  return opened;
}

/** A browser context that has not signed in. */
export const anonymousPage = newPage;

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
