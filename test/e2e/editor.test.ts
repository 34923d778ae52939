/**
 * End to end in Chromium: two delegations type into the same draft and see
 * each other; numbering is derived; a reload keeps everything.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPage, delegatePage, openDocument, startBrowserEnvironment, operativeMarkers, operativeTexts } from '../support/browser';
import { bearer, createDocument, type TestServer } from '../support/server';

const screenshot = fileURLToPath(new URL('../../docs/images/editor.png', import.meta.url));
let env: Awaited<ReturnType<typeof startBrowserEnvironment>>;
let server: TestServer;
let browser: Browser;
const pageErrors: string[][] = [];

beforeAll(async () => {
  env = await startBrowserEnvironment();
  ({ server, browser } = env);
});
afterAll(() => env?.close());

/** Signed in through an invitation link to `documentId`. */
async function delegate(delegation: string, name: string, documentId: string) {
  const d = await delegatePage(browser, server, delegation, name, documentId);
  pageErrors.push(d.errors);
  return d;
}

async function admin() {
  const d = await adminPage(browser, server);
  pageErrors.push(d.errors);
  return d;
}

/** Puts the caret at the end of the n-th operative paragraph (0-based), as a click at its end would. */
async function caretAtEndOf(page: Page, index: number) {
  await page.locator('.resolution .res-op').nth(index).click();
  await page.evaluate((i) => {
    const p = document.querySelectorAll('.resolution .res-op')[i];
    const range = document.createRange();
    range.selectNodeContents(p);
    range.collapse(false);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, index);
  // ProseMirror reads the DOM selection on selectionchange.
  await page.waitForTimeout(50);
}

describe('editor in Chromium', () => {
  it('two delegations type into the same draft and each sees the other within 2 seconds', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const mexico = await delegate('Mexico', 'Ana García', id);
    const norway = await delegate('Norway', 'Ola Nordmann', id);
    await openDocument(mexico.page, id);
    await openDocument(norway.page, id);

    // Presence: each sees the other delegation.
    await mexico.page.getByLabel('People in this document').getByText('Norway').waitFor({ timeout: 2000 });
    await norway.page.getByLabel('People in this document').getByText('Mexico').waitFor({ timeout: 2000 });

    await caretAtEndOf(mexico.page, 0);
    await mexico.page.keyboard.type(' and takes note of its recommendations');
    const seenByNorway = Date.now();
    await norway.page.locator('.resolution').getByText('and takes note of its recommendations').waitFor({ timeout: 2000 });
    expect(Date.now() - seenByNorway).toBeLessThan(2000);

    await caretAtEndOf(norway.page, 1);
    await norway.page.keyboard.type(' Norway adds this');
    await mexico.page.locator('.resolution').getByText('Norway adds this').waitFor({ timeout: 2000 });

    // Mexico sees Norway's caret, labelled with the delegation.
    await mexico.page.locator('.collaboration-carets__label', { hasText: 'Norway' }).waitFor({ timeout: 2000 });

    // Per-user undo: Mexico's undo removes Mexico's typing, never Norway's.
    await mexico.page.locator('.resolution').focus();
    for (let i = 0; i < 3; i++) await mexico.page.keyboard.press('Control+z');
    await expect.poll(() => norway.page.locator('.resolution').innerText(), { timeout: 2000 }).not.toContain('takes note of its recommendations');
    expect(await mexico.page.locator('.resolution').innerText()).toContain('Norway adds this');

    await mexico.context.close();
    await norway.context.close();
  });

  it('numbers operative paragraphs 1., 2., 3. after a paragraph is inserted in the middle, and keeps them on reload', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const { page, context } = await delegate('Kenya', 'Wanjiru', id);
    await openDocument(page, id);
    expect(await operativeMarkers(page)).toEqual(['1.', '2.']);
    const idsBefore = await page.$$eval('.resolution .res-op', (els) => els.map((e) => e.getAttribute('data-id')));

    await caretAtEndOf(page, 0);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Decides to convene a high-level meeting;');
    expect(await operativeMarkers(page)).toEqual(['1.', '2.', '3.']);
    const texts = await operativeTexts(page);
    expect(texts[1]).toBe('Decides to convene a high-level meeting;');
    // The numbers are drawn, not typed: the text itself has none.
    expect(texts[1]).not.toMatch(/^\d/);
    // The opening phrase is italic by derivation.
    const opening = page.locator('.resolution .res-op').nth(1).locator('.opening-phrase');
    expect(await opening.innerText()).toBe('Decides');
    expect(await opening.evaluate((el) => getComputedStyle(el).fontStyle)).toBe('italic');
    // Existing paragraphs kept their ids; the new one has its own.
    const idsAfter = await page.$$eval('.resolution .res-op', (els) => els.map((e) => e.getAttribute('data-id')));
    expect([idsAfter[0], idsAfter[2]]).toEqual(idsBefore);
    expect(new Set(idsAfter).size).toBe(3);

    // Tab makes it a subparagraph (a) of paragraph 1; Shift-Tab brings it back.
    await page.keyboard.press('Tab');
    expect(await operativeMarkers(page)).toEqual(['1.', '(a)', '2.']);
    await page.keyboard.press('Shift+Tab');
    expect(await operativeMarkers(page)).toEqual(['1.', '2.', '3.']);

    // Alt-Down moves it below the next one, with its id.
    await page.keyboard.press('Alt+ArrowDown');
    const moved = await page.$$eval('.resolution .res-op', (els) => els.map((e) => e.getAttribute('data-id')));
    expect(moved).toEqual([idsAfter[0], idsAfter[2], idsAfter[1]]);
    expect((await operativeTexts(page))[2]).toBe('Decides to convene a high-level meeting;');
    await page.keyboard.press('Alt+ArrowUp');
    expect(await page.$$eval('.resolution .res-op', (els) => els.map((e) => e.getAttribute('data-id')))).toEqual(idsAfter);

    // Paste of several paragraphs keeps them as paragraphs; typed numbers are dropped.
    await caretAtEndOf(page, 2);
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '\n4. Encourages Member States to cooperate;\n5. Invites donors to contribute;');
      document.querySelector('.resolution')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    expect(await operativeMarkers(page)).toEqual(['1.', '2.', '3.', '4.', '5.']);
    expect((await operativeTexts(page)).slice(3)).toEqual(['Encourages Member States to cooperate;', 'Invites donors to contribute;']);

    // The server has it, and a reload shows the same content.
    const before = await page.locator('.resolution').innerText();
    await expect.poll(async () => (await fetch(`${server.url}/api/documents/${id}/text`, { headers: bearer() })).text(), { timeout: 2000 }).toContain('donors to contribute;');
    const serverText = await (await fetch(`${server.url}/api/documents/${id}/text`, { headers: bearer() })).text();
    expect(serverText).toMatch(/2\. \*Decides\* to convene a high-level meeting;/);
    await page.reload();
    await page.waitForSelector('[data-status="connected"]');
    await page.waitForSelector('.resolution .res-op');
    expect(await page.locator('.resolution').innerText()).toBe(before);
    expect(await operativeMarkers(page)).toEqual(['1.', '2.', '3.', '4.', '5.']);
    await context.close();
  });

  it('imports a seed text from the documents page and saves a screenshot of the editor', async () => {
    // The administrator imports; delegations are then invited to the new document.
    const { page: adminView, context: adminContext } = await admin();
    await adminView.goto('/');
    await adminView.getByRole('heading', { name: 'Documents' }).waitFor();
    const { readSeed } = await import('../support/seeds');
    await adminView.locator('textarea[name=text]').fill(readSeed('002'));
    await adminView.getByRole('button', { name: 'Import' }).click();
    await adminView.waitForURL(/\/documents\/[a-z0-9]+$/);
    const importedId = adminView.url().split('/').pop()!;
    await adminContext.close();
    const { page, context } = await delegate('Italy', 'Giulia Rossi', importedId);
    await page.waitForSelector('[data-status="connected"]');
    await page.waitForSelector('.resolution .res-op');
    const markers = await operativeMarkers(page);
    expect(markers.filter((m) => /^\d+\.$/.test(m))).toHaveLength(15);
    expect(markers).toContain('(d)'); // OP12 has four subparagraphs

    // A second delegate joins so the screenshot shows presence and a caret.
    const second = await delegate('Ghana', 'Kwame Mensah', importedId);
    await openDocument(second.page, importedId);
    await second.page.locator('.resolution .res-pp').nth(1).click();
    await page.locator('.collaboration-carets__label', { hasText: 'Ghana' }).waitFor({ timeout: 2000 });
    mkdirSync(fileURLToPath(new URL('.', `file://${screenshot}`)), { recursive: true });
    await page.screenshot({ path: screenshot });
    expect(existsSync(screenshot)).toBe(true);
    await second.context.close();
    await context.close();
  });

  it('the documents page lists drafts and creates one from a template', async () => {
    const { page, context } = await admin();
    await page.goto('/');
    await page.getByRole('button', { name: 'Create draft' }).waitFor();
    await page.locator('select[name=template]').selectOption('security-council');
    await page.locator('input[name=symbol]').fill('S/2026/999');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/documents\/[a-z0-9]+$/);
    await page.waitForSelector('[data-status="connected"]');
    expect(await page.locator('.res-authority').innerText()).toBe('The Security Council,');
    await page.getByRole('link', { name: 'Penholder' }).click();
    await page.getByRole('cell', { name: 'S/2026/999' }).waitFor();
    await context.close();
  });

  it('an unknown document shows a clear message and stops retrying', async () => {
    const { page, context } = await admin();
    await page.goto('/documents/doesnotexist');
    await page.getByText('This document does not exist.').first().waitFor({ timeout: 5000 });
    await context.close();
  });

  it('no page logged an error', () => {
    expect(pageErrors.flat()).toEqual([]);
  });
});
