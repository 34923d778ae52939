/**
 * In Chromium: the secretariat issues L.5 from the Revisions panel; a
 * delegation edits; issuing Rev.1 is refused for the validation error the
 * edit made, and issued with a recorded reason; the compare view shows the
 * delegation's words as an insertion attributed to it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delegatePage, startBrowserEnvironment } from '../support/browser';
import { DRAFT_L5 } from '../support/draft';
import { createDocument, type TestServer } from '../support/server';

let env: Awaited<ReturnType<typeof startBrowserEnvironment>>;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  env = await startBrowserEnvironment();
  ({ server, browser } = env);
});
afterAll(() => env?.close());

describe('Revisions panel in Chromium', () => {
  it('issue L.5, refusal with the errors, override with a reason, and the compare view attributes the change', async () => {
    const id = await createDocument(server, { text: DRAFT_L5, sponsors: ['Mexico'] });
    const secretariat = await delegatePage(browser, server, 'Secretariat', 'Secretary', id, 'secretariat');
    const mexico = await delegatePage(browser, server, 'Mexico', 'Ana García', id);
    for (const d of [secretariat, mexico]) await d.page.waitForSelector('[data-status="connected"]');

    const panel = secretariat.page.getByLabel('Revisions', { exact: true });
    await panel.getByText('No revision issued yet.').waitFor();
    await panel.getByRole('button', { name: 'Issue revision…' }).click();
    const form = panel.getByRole('form', { name: 'Issue revision' });
    expect(await form.locator('input[name=symbol]').inputValue()).toBe('CTOC/COP/2024/L.5');
    await form.getByRole('button', { name: 'Issue' }).click();
    await panel.locator('.revision-item[data-number="0"]').getByText('CTOC/COP/2024/L.5', { exact: true }).waitFor();

    // Mexico's words at the end of OP1 leave it without its semicolon: an error the server reports.
    await mexico.page.locator('.resolution .res-op').nth(0).click();
    await mexico.page.keyboard.press('End');
    await mexico.page.keyboard.type(' MEXICANTEXT');
    await secretariat.page.locator('.resolution').getByText('MEXICANTEXT').waitFor();

    await panel.getByRole('button', { name: 'Issue revision…' }).click();
    expect(await form.locator('input[name=symbol]').inputValue()).toBe('CTOC/COP/2024/L.5/Rev.1');
    await form.getByRole('button', { name: 'Issue' }).click();
    const refusal = form.locator('.refusal');
    await refusal.getByText(/validation error/).waitFor();
    expect(await refusal.innerText()).toContain('OP1');
    await expect.poll(() => form.getByRole('button', { name: 'Issue anyway' }).isDisabled()).toBe(true);
    await form.locator('textarea[name=override-reason]').fill('Issued for tonight’s consultations');
    await form.getByRole('button', { name: 'Issue anyway' }).click();
    const rev1 = panel.locator('.revision-item[data-number="1"]');
    await rev1.getByText('CTOC/COP/2024/L.5/Rev.1', { exact: true }).waitFor();
    expect(await rev1.innerText()).toContain('Issued for tonight’s consultations');
    // The masthead now shows the new symbol, for every delegation.
    await mexico.page.locator('.masthead').getByText('CTOC/COP/2024/L.5/Rev.1').waitFor();

    // Compare L.5 → Rev.1 (the default pair): OP1 changed, Mexico's words inserted by Mexico.
    const picker = panel.locator('.compare-picker');
    await expect.poll(() => picker.locator('select[name=compare-to]').inputValue()).toBe('rev:1');
    expect(await picker.locator('select[name=compare-from]').inputValue()).toBe('rev:0');
    await picker.getByRole('button', { name: 'Compare' }).click();
    const item = picker.locator('.compare-item[data-status="changed"]');
    await item.first().waitFor();
    expect(await item.count()).toBe(1);
    expect(await item.locator('.compare-head').innerText()).toContain('OP1');
    const ins = item.locator('ins');
    expect(await ins.allTextContents()).toEqual([' MEXICANTEXT']);
    expect(await ins.getAttribute('data-by')).toBe('Mexico');
    expect(await ins.getAttribute('title')).toBe('Inserted by Mexico');
    await panel.screenshot({ path: 'test-results/revisions-panel.png' });

    // The outputs are there: the marked print view opens as a page of its own.
    const [print] = await Promise.all([secretariat.context.waitForEvent('page'), rev1.getByRole('link', { name: 'Print (marked)' }).click()]);
    await print.waitForLoadState();
    expect(await print.locator('b.ins').allTextContents()).toEqual([' MEXICANTEXT']);
    expect(await print.locator('.symbol').innerText()).toBe('CTOC/COP/2024/L.5/Rev.1');
    // Printed, the page is the document only: the on-screen hint goes, and Chromium makes an A4 PDF of it.
    await print.emulateMedia({ media: 'print' });
    expect(await print.locator('.legend').isVisible()).toBe(false);
    const pdf = await print.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 841\.\d+\]/); // A4: 595 × 842 pt
    await print.close();

    // Chromium logs the refused request (409) itself; the page showed it as a refusal, which is not an error.
    expect(secretariat.errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
    expect(mexico.errors).toEqual([]);
  });
});
