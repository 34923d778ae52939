/**
 * In Chromium: two delegations sign in through their invitation links, see
 * who they are in the header, see each other's text coloured by delegation,
 * and the history panel lists the changes per delegation. An observer gets
 * a read-only editor; a revoked delegation is told so and can sign in again.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousPage, delegatePage, startBrowserEnvironment } from '../support/browser';
import { apiFetch, createDocument, type TestServer } from '../support/server';

let env: Awaited<ReturnType<typeof startBrowserEnvironment>>;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  env = await startBrowserEnvironment();
  ({ server, browser } = env);
});
afterAll(() => env?.close());

async function typeAtEndOf(page: Page, selector: string, index: number, text: string) {
  await page.locator(selector).nth(index).click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

/** Text inside authorship marks of `delegation` on this page. */
const colouredAs = (page: Page, delegation: string) =>
  page.locator(`.resolution .authored[data-delegation="${delegation}"]`).evaluateAll((els) => els.map((e) => e.textContent).join(''));

describe('delegations in Chromium', () => {
  it('two delegations sign in by invitation; each sees the other’s text coloured by delegation, and the history per delegation', async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const mexico = await delegatePage(browser, server, 'Mexico', 'Ana García', id);
    const norway = await delegatePage(browser, server, 'Norway', 'Ola Nordmann', id);
    for (const [d, delegation, person] of [[mexico, 'Mexico', 'Ana García'], [norway, 'Norway', 'Ola Nordmann']] as const) {
      await d.page.waitForSelector('[data-status="connected"]');
      const me = d.page.getByLabel('Signed in as');
      expect(await me.innerText()).toContain(person);
      expect(await me.innerText()).toContain(delegation);
      expect(await me.locator('.role').innerText()).toBe('Delegation');
    }
    // An invitation link works once only.
    const reused = await anonymousPage(browser, server.url);
    await reused.page.goto(mexico.link);
    await reused.page.getByRole('alert').getByText(/already used/).waitFor();
    await reused.context.close();

    await typeAtEndOf(mexico.page, '.resolution .res-op', 0, ' MEXICANTEXT');
    await typeAtEndOf(norway.page, '.resolution .res-op', 1, ' NORWEGIANTEXT');
    await norway.page.locator('.resolution').getByText('MEXICANTEXT').waitFor();
    await mexico.page.locator('.resolution').getByText('NORWEGIANTEXT').waitFor();

    for (const d of [mexico, norway]) await d.page.getByLabel('Colour text by delegation').check();
    await expect.poll(() => colouredAs(mexico.page, 'Norway'), { timeout: 3000 }).toBe(' NORWEGIANTEXT');
    await expect.poll(() => colouredAs(norway.page, 'Mexico'), { timeout: 3000 }).toBe(' MEXICANTEXT');
    expect(await colouredAs(norway.page, 'Norway')).toBe(' NORWEGIANTEXT');
    // The template's text is the server's; the two colours differ.
    expect(await colouredAs(mexico.page, 'Penholder')).toContain('Welcomes the report');
    const background = (page: Page, delegation: string) => page.locator(`.resolution .authored[data-delegation="${delegation}"]`).first().evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(await background(mexico.page, 'Mexico')).not.toBe(await background(mexico.page, 'Norway'));
    const legend = mexico.page.getByLabel('Authorship legend');
    await legend.getByText('Mexico').waitFor();
    await legend.getByText('Norway').waitFor();

    // The history panel lists the changes per delegation.
    const history = mexico.page.getByLabel('History');
    const group = (name: string) => history.locator(`.history-group[data-delegation="${name}"]`);
    await expect.poll(() => group('Mexico').locator('ins').allTextContents(), { timeout: 4000 }).toEqual([' MEXICANTEXT']);
    await expect.poll(() => group('Norway').locator('ins').allTextContents(), { timeout: 4000 }).toEqual([' NORWEGIANTEXT']);
    expect(await group('Norway').innerText()).toContain('OP2');
    expect(await group('Mexico').innerText()).toContain('OP1');

    // The filter: one delegation's changes only, in the panel and in the colours.
    await mexico.page.locator('select[name=history-delegation]').selectOption('Norway');
    await expect.poll(() => history.locator('.history-group').count()).toBe(1);
    await expect.poll(() => colouredAs(mexico.page, 'Mexico')).toBe('');
    expect(await colouredAs(mexico.page, 'Norway')).toBe(' NORWEGIANTEXT');
    // Since now: nothing of Norway's is newer.
    const now = new Date(Date.now() + 60_000);
    const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await mexico.page.locator('input[name=history-since]').fill(local);
    await expect.poll(() => colouredAs(mexico.page, 'Norway')).toBe('');
    await history.getByText('No changes by Norway since then.').waitFor();

    expect([...mexico.errors, ...norway.errors]).toEqual([]);
    await mexico.context.close();
    await norway.context.close();
  });

  it('an observer reads only; without a session the app asks to sign in; a revoked delegation is told why', async () => {
    const id = await createDocument(server, { template: 'hrc' });
    const observer = await delegatePage(browser, server, 'Holy See', 'Observer', id, 'observer');
    await observer.page.waitForSelector('[data-status="connected"]');
    expect(await observer.page.locator('.resolution').getAttribute('contenteditable')).toBe('false');
    expect(await observer.page.getByRole('toolbar').count()).toBe(0);
    expect(await observer.page.getByLabel('Signed in as').locator('.role').innerText()).toBe('Observer (read only)');

    const nobody = await anonymousPage(browser, server.url);
    await nobody.page.goto(`/documents/${id}`);
    await nobody.page.getByRole('form', { name: 'Sign in' }).waitFor();
    await nobody.context.close();

    const chile = await delegatePage(browser, server, 'Chile', 'Paula', id);
    await chile.page.waitForSelector('[data-status="connected"]');
    const participants = (await (await apiFetch(server, `/api/documents/${id}/participants`)).json()) as { participants: { id: string; delegation: string }[] };
    const pid = participants.participants.find((p) => p.delegation === 'Chile')!.id;
    expect((await apiFetch(server, `/api/documents/${id}/participants/${pid}`, { method: 'DELETE' })).status).toBe(200);
    await chile.page.getByRole('alert').getByText(/revoked/).waitFor({ timeout: 3000 });
    await chile.page.getByRole('button', { name: 'Sign in again' }).click();
    await chile.page.getByRole('form', { name: 'Sign in' }).waitFor();
    await observer.context.close();
    await chile.context.close();
  });
});
