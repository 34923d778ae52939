/**
 * Agreed language in Chromium: typing the opening words of a known paragraph
 * shows a suggestion naming its source; Tab inserts the full text and marks
 * its provenance; citation numbers complete; new language can be highlighted.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delegatePage, openDocument, operativeTexts, startBrowserEnvironment } from '../support/browser';
import { apiFetch, createDocument, type TestServer } from '../support/server';

let env: Awaited<ReturnType<typeof startBrowserEnvironment>>;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  env = await startBrowserEnvironment();
  ({ server, browser } = env);
});
afterAll(() => env?.close());

/**
 * Puts the caret in a new paragraph after the last operative one. Waits for
 * the page to settle first and checks that the editor has the focus, so that
 * no keystroke is lost to a page still loading its panels.
 */
async function caretAfterLastOperative(page: Page) {
  await page.waitForLoadState('networkidle');
  const last = page.locator('.resolution .res-op').nth(1);
  await last.click();
  await page.locator('.resolution:focus').waitFor({ timeout: 3000 });
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await expect.poll(() => operativeTexts(page)).toHaveLength(3);
}

const OPENING = 'Invites Member States and other donors to provide extrabudgetary';
const SOURCE = 'Conference resolution 10/2, OP27, 2020';

describe('agreed language in Chromium', () => {
  it('suggests a prior paragraph while typing; Tab inserts it with its provenance; undo takes it back', async () => {
    const { suggestions } = (await (await fetch(`${server.url}/api/suggest?q=${encodeURIComponent(OPENING)}&limit=1`)).json()) as { suggestions: Array<{ text: string }> };
    const full = suggestions[0].text;
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const { page, context, errors } = await delegatePage(browser, server, 'Mexico', 'Ana García', id);
    await openDocument(page, id);

    await caretAfterLastOperative(page);
    // What the page asked for, to explain a failure in the CI log.
    const asked: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/suggest?')) asked.push(`${r.status()} ${decodeURIComponent(new URL(r.url()).searchParams.get('q') ?? '')}`);
    });
    await page.keyboard.type(OPENING, { delay: 5 });
    const popup = page.getByRole('listbox', { name: 'Agreed language' });
    await popup.waitFor({ timeout: 8000 }).catch(async (err: Error) => {
      throw new Error(`${err.message}\nsuggest responses: ${JSON.stringify(asked)}; operative texts: ${JSON.stringify(await operativeTexts(page))}; errors: ${JSON.stringify(errors)}`);
    });
    const first = popup.getByRole('option').first();
    expect(await first.locator('.suggestion-source').innerText()).toContain(SOURCE);
    // The diff shows what the suggestion adds to the typed words.
    expect(await first.locator('ins').first().innerText()).toContain('resources for the purposes');

    await page.keyboard.press('Tab');
    await popup.waitFor({ state: 'detached' });
    expect((await operativeTexts(page))[2]).toBe(full);
    const para = page.locator('.resolution .res-op').nth(2);
    expect(await para.getAttribute('data-provenance')).toBe(SOURCE);
    // Tab went to the suggestion, not to indenting.
    expect(await page.locator('.resolution .res-sub').count()).toBe(0);
    await expect.poll(async () => (await apiFetch(server, `/api/documents/${id}/text`)).text(), { timeout: 3000 }).toContain(full.slice(-40));

    // Similar paragraphs for the paragraph at the caret: the same words as 10/2 OP27.
    const panel = page.getByLabel('Agreed language', { exact: true }).and(page.locator('section'));
    await panel.getByText(`${SOURCE} · same words`).waitFor({ timeout: 3000 });

    // One undo step takes the suggestion back to what was typed.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await operativeTexts(page))[2]).toBe(OPENING);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('completes a citation number from the registry of acts, and highlights new language', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const { page, context, errors } = await delegatePage(browser, server, 'Chile', 'Paula', id);
    await openDocument(page, id);
    await caretAfterLastOperative(page);
    const asked: string[] = [];
    page.on('response', (r) => {
      if (/\/api\/(suggest|citations)\?/.test(r.url())) asked.push(`${r.status()} ${new URL(r.url()).pathname} ${new URL(r.url()).searchParams.get('q')}`);
    });
    await page.keyboard.type('Recalls its resolution 7/');
    const popup = page.getByRole('listbox', { name: 'Citation completions' });
    await popup
      .getByText(/^7\/1 of 10 October 2014, entitled “Strengthening the implementation/)
      .waitFor({ timeout: 8000 })
      .catch(async (err: Error) => {
        throw new Error(`${err.message}\nresponses: ${JSON.stringify(asked)}; popups: ${JSON.stringify(await page.locator('.suggestions').allInnerTexts())}; operative texts: ${JSON.stringify(await operativeTexts(page))}`);
      });
    await page.keyboard.press('Tab');
    expect((await operativeTexts(page))[2]).toMatch(/^Recalls its resolution 7\/1 of 10 October 2014, entitled “Strengthening the implementation of the United Nations Convention against Transnational Organized Crime and the Protocols thereto”$/);

    await page.getByLabel('Highlight new language').check();
    await page.getByText(/% of this draft is agreed language$/).waitFor({ timeout: 3000 });
    // The template's own wording is new; the completed citation repeats prior text.
    expect(await page.locator('.resolution .new-language').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.resolution .res-op').nth(2).locator('.agreed-language').count(), { timeout: 3000 }).toBeGreaterThan(0);
    await page.getByLabel('Highlight new language').uncheck();
    await expect.poll(() => page.locator('.resolution .new-language').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
