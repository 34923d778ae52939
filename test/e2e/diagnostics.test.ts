/**
 * Validation in the editor: typing "Decides" at the start of a preambular
 * paragraph shows the error inline and in the panel; the fix clears it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delegatePage, openDocument, startBrowserEnvironment } from '../support/browser';
import { createDocument, type TestServer } from '../support/server';

let env: Awaited<ReturnType<typeof startBrowserEnvironment>>;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  env = await startBrowserEnvironment();
  ({ server, browser } = env);
});
afterAll(() => env?.close());

describe('diagnostics in Chromium', () => {
  it('shows an operative verb in the preamble inline and in the panel, and the fix clears it', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const { page, context, errors } = await delegatePage(browser, server, 'Chile', 'Paula', id);
    await openDocument(page, id);
    const panel = page.getByLabel('Diagnostics');
    await panel.getByText('No problems found.').waitFor({ timeout: 3000 });

    // Replace "Recalling" with "Decides" at the start of PP1.
    const pp1 = page.locator('.resolution .res-pp').first();
    await pp1.click();
    await page.keyboard.press('Home');
    for (let i = 0; i < 'Recalling'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.type('Decides');

    // Wait for the mark on the whole word: while typing, "Decide" is flagged too.
    const inline = pp1.locator('.diag-error', { hasText: /^Decides$/ });
    await inline.waitFor({ timeout: 2000 });
    expect(await pp1.getAttribute('data-diagnostic')).toBe('error');
    const item = panel.locator('.diag-item[data-rule="PP-NO-OP-VERB"]');
    await item.waitFor();
    expect(await item.innerText()).toContain('PP1');
    // The server's verdict arrives and confirms the browser's.
    await panel.getByText('Confirmed by the server').waitFor({ timeout: 2000 });
    await item.waitFor();

    await item.getByRole('button', { name: 'Replace with “Deciding”' }).click();
    await item.waitFor({ state: 'detached', timeout: 2000 });
    expect(await pp1.innerText()).toMatch(/^Deciding its previous resolutions/);
    expect(await pp1.locator('.diag-error').count()).toBe(0);

    // The fix is one undo step.
    await page.keyboard.press('Control+z');
    await item.waitFor({ timeout: 2000 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
