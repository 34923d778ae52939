/**
 * In Chromium: a delegation edits offline in editing mode (its WebSocket cut
 * by the test, like conference Wi-Fi); meanwhile the facilitator switches
 * the document to proposal mode. Back online, the server refuses the direct
 * edit; the delegate submits the unsent changes as proposals, and after the
 * reload the proposal is there, attributed to the delegation, with the text
 * typed offline, while the text itself is unchanged.
 */
import type { Browser, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../../shared/model/text';
import type { Resolution } from '../../shared/model/types';
import { readProposals, writeMode } from '../../shared/proposals/ydoc';
import { delegatePage, startBrowserEnvironment } from '../support/browser';
import { connectClient, synced, waitFor, type Client } from '../support/clients';
import { apiFetch, createDocument, type TestServer } from '../support/server';

let env: Awaited<ReturnType<typeof startBrowserEnvironment>>;
let server: TestServer;
let browser: Browser;
const nodeClients: Client[] = [];

beforeAll(async () => {
  env = await startBrowserEnvironment();
  ({ server, browser } = env);
});
afterAll(async () => {
  for (const c of nodeClients) c.destroy();
  await env?.close();
});

const serverOp1 = async (id: string) => plainText(((await (await apiFetch(server, `/api/documents/${id}`)).json()) as { resolution: Resolution }).resolution.operative[0].content);

describe('offline edits and proposal mode', () => {
  it('a direct edit made offline, refused after the switch to proposal mode, becomes the delegation’s proposal', { timeout: 60_000 }, async () => {
    const id = await createDocument(server, { template: 'ga-main-committee' });
    const original = 'Welcomes the report of the Secretary-General;';
    const mexico = await delegatePage(browser, server, 'Mexico', 'Ana García', id);
    const page = mexico.page;

    // Every connection of the app goes through a route the test can cut.
    let offline = false;
    const sockets: WebSocketRoute[] = [];
    await mexico.context.routeWebSocket(/\/collab\//, (ws) => {
      if (offline) return void ws.close({ code: 1001, reason: 'offline (test)' });
      ws.connectToServer();
      sockets.push(ws);
    });
    await page.reload();
    await page.waitForSelector('[data-status="connected"]');
    expect(sockets.length).toBeGreaterThan(0);

    // Offline: the delegate goes on typing in editing mode.
    offline = true;
    for (const ws of sockets.splice(0)) await ws.close({ code: 1001, reason: 'offline (test)' });
    await page.locator('.resolution .res-op').first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(', with appreciation;');
    await expect.poll(() => page.locator('.resolution .res-op').first().innerText()).toContain('with appreciation');
    await new Promise((r) => setTimeout(r, 700)); // the browser keeps its copy (saved every 500 ms)
    expect(await serverOp1(id)).toBe(original);

    // Meanwhile the facilitator switches to proposal mode.
    const chair = connectClient(server, id, 'Chair', 'Maria Chair', { role: 'facilitator' });
    nodeClients.push(chair);
    await synced(chair);
    writeMode(chair.doc, 'proposal');

    // Back online: the server refuses the direct edit, and the editor offers to keep it as a proposal.
    offline = false;
    const keep = page.getByRole('button', { name: 'Submit my unsent changes as proposals' });
    await keep.waitFor({ timeout: 15_000 });
    expect(await serverOp1(id)).toBe(original);
    await keep.click();

    // After the reload: the server's text, and the change as Mexico's pending proposal.
    await page.getByText('One change you made offline was submitted as a proposal.').waitFor({ timeout: 15_000 });
    await page.locator('.my-proposals li[data-state="pending"]').waitFor();
    await page.locator('.resolution .proposal-note', { hasText: 'OP1 (Mexico)' }).waitFor();
    await waitFor(() => readProposals(chair.doc).length === 1, 'the facilitator sees the proposal', 10_000);
    const [proposal] = readProposals(chair.doc);
    expect(proposal).toMatchObject({ kind: 'text', delegation: 'Mexico', name: 'Ana García', base: original, text: 'Welcomes the report of the Secretary-General, with appreciation;', state: 'pending' });
    expect(proposal.justification).toMatch(/offline/);
    expect(await serverOp1(id)).toBe(original);
    expect(await page.locator('.resolution .res-op').first().innerText()).not.toContain('with appreciation');

    // Kept once: another reload submits nothing more.
    await page.reload();
    await page.waitForSelector('[data-status="connected"]');
    await new Promise((r) => setTimeout(r, 500));
    expect(readProposals(chair.doc)).toHaveLength(1);
    expect(mexico.errors).toEqual([]);
  });
});
