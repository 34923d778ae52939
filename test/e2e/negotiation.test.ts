/**
 * In Chromium: the facilitator marks a paragraph agreed from the margin;
 * the delegation's page shows it; the delegation edits it and both pages
 * show it pending again with who changed it. The filter hides agreed
 * paragraphs; Alt-2 marks ad ref from the keyboard; a comment thread goes
 * round: comment, reply, resolve.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delegatePage, startBrowserEnvironment } from '../support/browser';
import { apiFetch, createDocument, type TestServer } from '../support/server';

let env: Awaited<ReturnType<typeof startBrowserEnvironment>>;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  env = await startBrowserEnvironment();
  ({ server, browser } = env);
});
afterAll(() => env?.close());

const op = (page: Page, i: number) => page.locator('.resolution .res-op').nth(i);
/** What the margin shows: drawn by CSS (::before), so that the paragraph's own text stays the text. */
const drawn = (page: Page, i: number, selector: string) =>
  op(page, i).locator(selector).evaluateAll((els) => els.map((e) => getComputedStyle(e, '::before').content.replace(/^"|"$/g, '')).join(' | '));
const statusOf = (page: Page, i: number) => drawn(page, i, '.neg-status');
const noteOf = (page: Page, i: number) => drawn(page, i, '.neg-note');

describe('negotiation in Chromium', () => {
  it('status from the margin, reset by an edit with who changed it, the filter, the keyboard, and a comment thread', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const chair = await delegatePage(browser, server, 'Chair', 'Maria Facilitator', id, 'facilitator');
    const mexico = await delegatePage(browser, server, 'Mexico', 'Ana García', id);
    for (const d of [chair, mexico]) {
      await d.page.waitForSelector('[data-status="connected"]');
      await d.page.waitForSelector('.resolution .res-op .neg-status');
    }
    expect(await statusOf(mexico.page, 0)).toBe('Pending');
    // Delegations see the status read-only: no button.
    expect(await op(mexico.page, 0).locator('button.neg-status').count()).toBe(0);

    // The facilitator opens the margin menu of OP1 and chooses Agreed.
    await op(chair.page, 0).locator('button.neg-status').click();
    const menu = chair.page.getByRole('menu', { name: 'Paragraph status' });
    await menu.waitFor();
    await menu.getByRole('menuitemradio', { name: /Agreed/ }).click();
    await expect.poll(() => statusOf(chair.page, 0)).toBe('Agreed');
    await expect.poll(() => statusOf(mexico.page, 0), { timeout: 5000 }).toBe('Agreed');
    await expect.poll(() => mexico.page.getByTestId('neg-summary').innerText()).toBe('1 agreed · 0 ad ref · 3 pending · 0 bracketed');

    // The filter hides agreed paragraphs, and shows them again.
    await chair.page.getByLabel('Show only what is not yet agreed').check();
    await expect.poll(() => op(chair.page, 0).isVisible()).toBe(false);
    expect(await op(chair.page, 1).isVisible()).toBe(true);
    // What cannot be seen cannot be changed: select all and type is refused while OP1 is hidden.
    const textBefore = await (await apiFetch(server, `/api/documents/${id}/text`)).text();
    await op(chair.page, 1).click();
    await chair.page.keyboard.press('Control+A');
    await chair.page.keyboard.type('x');
    await chair.page.getByText('That change would have touched hidden (agreed) paragraphs, so it was not made.').waitFor();
    expect(await op(chair.page, 1).innerText()).not.toBe('x');
    expect(await (await apiFetch(server, `/api/documents/${id}/text`)).text()).toBe(textBefore);
    await chair.page.getByLabel('Show only what is not yet agreed').uncheck();
    await expect.poll(() => op(chair.page, 0).isVisible()).toBe(true);
    expect(await statusOf(chair.page, 0)).toBe('Agreed');

    // Mexico edits the agreed paragraph: both pages show it pending, changed by Mexico.
    await op(mexico.page, 0).click();
    await mexico.page.getByLabel('Comment on OP1').waitFor();
    await mexico.page.keyboard.press('End');
    await mexico.page.keyboard.type(' with appreciation');
    for (const d of [mexico, chair]) {
      await expect.poll(() => statusOf(d.page, 0), { timeout: 5000 }).toBe('Pending');
      await expect.poll(() => noteOf(d.page, 0), { timeout: 5000 }).toBe('changed by Mexico');
      expect(await op(d.page, 0).locator('.neg-note').getAttribute('title')).toMatch(/^changed by Mexico \(Ana García\), /);
    }

    // The history lists both status changes of OP1 with the text change.
    const statusLines = () => mexico.page.getByLabel('History').locator('.history-status').allInnerTexts();
    await expect.poll(statusLines, { timeout: 6000 }).toEqual(expect.arrayContaining(['status: Agreed', 'status: Pending (changed by Mexico (Ana García))']));

    // Alt-2 on the paragraph at the caret: ad ref.
    await op(chair.page, 1).click();
    // The editor has the caret in OP2 once the comments panel offers to comment on it.
    await chair.page.getByLabel('Comment on OP2').waitFor();
    await chair.page.keyboard.press('Alt+2');
    await expect.poll(() => statusOf(mexico.page, 1), { timeout: 5000 }).toBe('Ad ref');

    // A comment thread: Mexico comments on OP2, the facilitator replies and resolves.
    await op(mexico.page, 1).click();
    const box = mexico.page.getByLabel('Comment on OP2');
    await box.fill('Could “requests” become “invites”?');
    await box.press('Control+Enter');
    const chairComments = chair.page.getByLabel('Comments');
    const thread = chairComments.locator('.neg-thread');
    await expect.poll(() => thread.count(), { timeout: 5000 }).toBe(1);
    expect(await thread.innerText()).toContain('Mexico');
    expect(await thread.innerText()).toContain('Could “requests” become “invites”?');
    await expect.poll(() => drawn(chair.page, 1, '.neg-comments')).toBe('1 comment');
    // The margin is not part of the paragraph's text.
    expect(await op(chair.page, 1).innerText()).not.toContain('comment');
    expect(await op(chair.page, 1).innerText()).not.toContain('Ad ref');
    await thread.getByRole('button', { name: 'Reply' }).click();
    const reply = chair.page.getByLabel('Reply on OP2');
    await reply.fill('The Chair suggests keeping “requests”.');
    await reply.press('Control+Enter');
    const mexicoThread = mexico.page.getByLabel('Comments').locator('.neg-thread');
    await expect.poll(() => mexicoThread.innerText(), { timeout: 5000 }).toContain('The Chair suggests keeping “requests”.');
    await thread.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => mexico.page.getByLabel('Comments').locator('h2 .counts').innerText(), { timeout: 5000 }).toBe('0 open · 1 resolved');
    await expect.poll(() => op(mexico.page, 1).locator('.neg-comments').count()).toBe(0);

    expect([...chair.errors, ...mexico.errors]).toEqual([]);
  });
});
