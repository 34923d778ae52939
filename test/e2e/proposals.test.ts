/**
 * In Chromium: the facilitator switches the document to proposal mode; a
 * delegation types into a paragraph, which opens a proposal draft (the text
 * is not changed); it submits with Ctrl-Enter; the facilitator accepts it in
 * the compilation view, and the delegation's page shows the merged text and
 * the proposal as accepted.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delegatePage, operativeTexts, startBrowserEnvironment } from '../support/browser';
import { fileURLToPath } from 'node:url';
import { plainText } from '../../shared/model/text';
import { newProposal } from '../../shared/proposals/create';
import { putProposal } from '../../shared/proposals/ydoc';
import { connectClient, synced, type Client } from '../support/clients';
import type { Resolution } from '../../shared/model/types';
import { apiFetch, createDocument, type TestServer } from '../support/server';

let env: Awaited<ReturnType<typeof startBrowserEnvironment>>;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  env = await startBrowserEnvironment();
  ({ server, browser } = env);
});
const nodeClients: Client[] = [];
afterAll(async () => {
  for (const c of nodeClients) c.destroy();
  await env?.close();
});

describe('proposals in Chromium', () => {
  it('a facilitator accepts a proposal in the compilation view; the delegation sees the merged text and the new status', { timeout: 60_000 }, async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    let step = 'sign in';
    const chair = await delegatePage(browser, server, 'Chair', 'Maria Chair', id, 'facilitator');
    const mexico = await delegatePage(browser, server, 'Mexico', 'Ana García', id);
    try {
      for (const d of [chair, mexico]) await d.page.waitForSelector('[data-status="connected"]');
      step = 'proposal mode';

      await chair.page.getByRole('button', { name: 'Switch to proposal mode' }).click();
      await mexico.page.locator('.proposals-panel [data-mode="proposal"]').waitFor();
      const original = 'Welcomes the report of the Secretary-General;';
      expect((await operativeTexts(mexico.page))[0]).toBe(original);

      step = 'typing opens a draft';
      // Typing into OP1 opens a draft with the keystroke applied; the text itself does not change.
      await mexico.page.locator('.resolution .res-op').first().click();
      await mexico.page.keyboard.press('End');
      await mexico.page.keyboard.type(' ');
      const draft = mexico.page.getByRole('dialog', { name: 'Your proposal' });
      const box = draft.getByLabel('Proposed text');
      await box.waitFor();
      await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await box.inputValue()).toBe(`${original} `);
      await mexico.page.keyboard.press('Backspace');
      await mexico.page.keyboard.press('Backspace');
      await mexico.page.keyboard.type(', with appreciation;');
      await draft.locator('.draft-diff ins').getByText(', with appreciation').waitFor();
      await draft.getByLabel('Justification (optional)').fill('Agreed language');
      expect((await operativeTexts(mexico.page))[0]).toBe(original);
      await draft.getByLabel('Justification (optional)').press('Control+Enter');
      await draft.waitFor({ state: 'detached' });

      step = 'the proposal is pending and shown';
      const mine = mexico.page.locator('.my-proposals li').first();
      await expect.poll(() => mine.getAttribute('data-state')).toBe('pending');
      // Shown in the text on both pages, in Mexico's colour.
      for (const d of [mexico, chair]) await d.page.locator('.resolution .proposal-note', { hasText: 'OP1 (Mexico)' }).waitFor();
      expect(await chair.page.locator('.resolution .proposal-note ins').first().innerText()).toContain('with appreciation');

      step = 'other delegations propose';
      // Three more delegations propose from Node clients (real y-websocket, same shared functions as the app).
      const served = (await (await apiFetch(server, `/api/documents/${id}`)).json()) as { resolution: Resolution };
      const opIds = served.resolution.operative.map((p) => p.id);
      const others: Client[] = [];
      for (const d of ['European Union', 'United States', 'Norway']) {
        const c = connectClient({ url: server.url, wsUrl: server.wsUrl }, id, d, `${d} delegate`);
        nodeClients.push(c);
        others.push(c);
        await synced(c);
      }
      putProposal(others[0].doc, newProposal({ kind: 'alternative', delegation: 'European Union', name: 'EU delegate', paragraph: opIds[0], base: original, text: 'Takes note with appreciation of the report of the Secretary-General;' }));
      putProposal(others[1].doc, newProposal({ kind: 'delete', delegation: 'United States', name: 'US delegate', paragraph: opIds[1], base: (await operativeTexts(mexico.page))[1] }));
      putProposal(others[2].doc, newProposal({ kind: 'new', delegation: 'Norway', name: 'Norway delegate', text: 'Calls upon all States to cooperate fully with the Secretary-General;', after: { paragraph: opIds[0], section: 'operative' }, justification: 'Follows OP1 logically.' }));
      for (const d of [mexico, chair]) {
        await d.page.locator('.resolution .proposal-note', { hasText: '1 bis (Norway)' }).waitFor();
        await d.page.locator('.resolution .proposal-note', { hasText: 'OP2 (United States: delete)' }).waitFor();
        await d.page.locator('.resolution .proposal-note', { hasText: 'OP1 alt (European Union)' }).waitFor();
      }
      await mexico.page.locator('.resolution .proposed-delete').waitFor();
      await mexico.page.screenshot({ path: fileURLToPath(new URL('../../docs/images/proposals.png', import.meta.url)) });

      step = 'accept in the compilation view';
      // The facilitator opens the compilation view and accepts it.
      await chair.page.getByRole('button', { name: /Compilation \(4 pending\)/ }).click();
      const compilation = chair.page.getByRole('dialog', { name: 'Compilation of proposals' });
      await compilation.locator('.comp-proposal', { hasText: 'OP1 (Mexico)' }).getByText('Justification: Agreed language').waitFor();
      expect(await compilation.locator('.comp-proposal .proposal-heading').allInnerTexts()).toEqual(['OP1 (Mexico)', 'OP1 alt (European Union)', '1 bis (Norway)', 'OP2 (United States: delete)']);
      await chair.page.screenshot({ path: fileURLToPath(new URL('../../docs/images/compilation.png', import.meta.url)) });
      await compilation.getByRole('button', { name: 'Accept OP1 (Mexico)' }).click();
      await compilation.locator('.comp-proposal', { hasText: 'OP1 (Mexico)' }).waitFor({ state: 'detached' });
      expect(await compilation.locator('.comp-proposal').count()).toBe(3);

      step = 'merged text and status on the delegation’s page';
      // The delegation's page: the merged text, the new status, no pending note any more.
      const merged = 'Welcomes the report of the Secretary-General, with appreciation;';
      await expect.poll(async () => (await operativeTexts(mexico.page))[0], { timeout: 5000 }).toBe(merged);
      await expect.poll(() => mine.getAttribute('data-state'), { timeout: 5000 }).toBe('accepted');
      // Remote changes (the merge, the others' proposals) never became Mexico's proposals or opened a draft.
      expect(await mexico.page.locator('.my-proposals li').count()).toBe(1);
      expect(await mexico.page.getByRole('dialog', { name: 'Your proposal' }).count()).toBe(0);
      expect(await mine.innerText()).toContain('by Chair');
      await expect.poll(() => mexico.page.locator('.resolution .proposal-note', { hasText: 'OP1 (Mexico)' }).count()).toBe(0);
      // The European Union's alternative was made on the earlier text: it says so.
      await mexico.page.locator('.resolution .proposal-note', { hasText: 'OP1 alt (European Union)' }).getByText('made on an earlier text').waitFor();
      // (The chair's page shows Mexico's caret label inside OP1, so compare the server's text there.)
      const now = (await (await apiFetch(server, `/api/documents/${id}`)).json()) as { resolution: Resolution };
      expect(plainText(now.resolution.operative[0].content)).toBe(merged);

      // The history attributes the accepted words to Mexico.
      const history = (await (await apiFetch(server, `/api/documents/${id}/history?delegation=Mexico`)).json()) as { changes: Array<{ inserted: string; deleted: string }> };
      expect(history.changes.map((c) => c.inserted).join('')).toBe(', with appreciation');

      step = 'a new paragraph by command: "1 ter"';
      await mexico.page.locator('.resolution .res-op').first().click();
      await mexico.page.getByRole('button', { name: 'Propose new paragraph after' }).click();
      const fresh = mexico.page.getByRole('dialog', { name: 'Your proposal' });
      await expect.poll(() => fresh.getByLabel('Proposed text').evaluate((el) => el === document.activeElement)).toBe(true);
      await mexico.page.keyboard.type('Encourages Member States to share information;');
      await mexico.page.keyboard.press('Control+Enter');
      await fresh.waitFor({ state: 'detached' });
      await chair.page.locator('.resolution .proposal-note', { hasText: '1 ter (Mexico)' }).waitFor();
      await compilation.locator('.comp-proposal .proposal-heading', { hasText: '1 ter (Mexico)' }).waitFor();

      step = 'undo in the compilation view';
      await compilation.getByRole('button', { name: 'Undo last decision' }).click();
      await expect.poll(async () => (await operativeTexts(mexico.page))[0], { timeout: 5000 }).toBe(original);
      await expect.poll(() => mine.getAttribute('data-state'), { timeout: 5000 }).toBe('pending');
      await compilation.locator('.comp-proposal .proposal-heading', { hasText: 'OP1 (Mexico)' }).waitFor();
    } catch (err) {
      throw new Error(`${step}: ${(err as Error).message}\npage errors: ${JSON.stringify([...chair.errors, ...mexico.errors])}\nMexico OP texts: ${JSON.stringify(await operativeTexts(mexico.page))}`);
    }
    expect([...chair.errors, ...mexico.errors]).toEqual([]);
    await chair.context.close();
    await mexico.context.close();
  });
});
