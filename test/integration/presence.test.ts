/**
 * Presence is attested by the server (server/collab/presence-attestation.ts):
 * real y-websocket clients see each other under the identity the server
 * authenticated, and a participant cannot move, relabel or remove another
 * delegation's caret, even with hand-made awareness frames on its own socket.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresenceUser } from '../../shared/presence/user';
import { connectClient, synced, waitFor, type Client } from '../support/clients';
import { createDocument, startTestServer, tempDataDir, type TestServer } from '../support/server';

let server: TestServer;
const data = tempDataDir();
let docId: string;
let mexico: Client;
let norway: Client;
let kenya: Client;

beforeAll(async () => {
  server = await startTestServer({ dataDir: data.dir });
  docId = await createDocument(server, { template: 'ga-main-committee' });
  mexico = connectClient(server, docId, 'Mexico', 'Ana');
  norway = connectClient(server, docId, 'Norway', 'Ola');
  kenya = connectClient(server, docId, 'Kenya', 'Wanjiru');
  await Promise.all([mexico, norway, kenya].map(synced));
});
afterAll(async () => {
  for (const c of [mexico, norway, kenya]) c.destroy();
  await server.close();
  data.remove();
});

const stateOf = (viewer: Client, of: Client) => viewer.provider.awareness.getStates().get(of.doc.clientID) as { user?: PresenceUser; cursor?: { anchor: number } } | undefined;

/** One awareness frame as a y-websocket client sends it, with the entries written by hand. */
function awarenessFrame(entries: { clientID: number; clock: number; state: unknown }[]): Uint8Array<ArrayBuffer> {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(update, e.clientID);
    encoding.writeVarUint(update, e.clock);
    encoding.writeVarString(update, JSON.stringify(e.state));
  }
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1); // messageAwareness
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return new Uint8Array(encoding.toUint8Array(frame));
}

/** Norway moves its own caret to `anchor` and waits until Kenya sees it: every frame Norway sent before has been handled. */
async function norwayMarks(anchor: number): Promise<void> {
  norway.provider.awareness.setLocalStateField('cursor', { anchor, head: anchor });
  await waitFor(() => stateOf(kenya, norway)?.cursor?.anchor === anchor, `Kenya sees Norway's caret at ${anchor}`);
}

describe('presence attested by the server', () => {
  it('each delegation shows under the identity the server authenticated, whatever its client claims', async () => {
    norway.provider.awareness.setLocalStateField('user', { name: 'Marie (France)', displayName: 'Marie', delegation: 'France', color: '#000' });
    mexico.provider.awareness.setLocalStateField('cursor', { anchor: 7, head: 7 });
    await norwayMarks(1);
    expect(stateOf(kenya, norway)?.user).toMatchObject({ name: 'Ola (Norway)', displayName: 'Ola', delegation: 'Norway' });
    expect(stateOf(mexico, norway)?.user?.delegation).toBe('Norway');
    await waitFor(() => stateOf(kenya, mexico)?.cursor?.anchor === 7, 'Kenya sees Mexico’s caret');
    expect(stateOf(kenya, mexico)?.user).toMatchObject({ name: 'Ana (Mexico)', delegation: 'Mexico' });
  });

  it('another delegation’s caret cannot be moved, relabelled or removed; the connection stays and its owner carries on', async () => {
    const target = mexico.doc.clientID;
    const ws = norway.provider.ws!;
    ws.send(awarenessFrame([{ clientID: target, clock: 10_000, state: { user: { name: 'Forged', delegation: 'Mexico', displayName: 'Ana' }, cursor: { anchor: 666, head: 666 } } }]));
    ws.send(awarenessFrame([{ clientID: target, clock: 10_001, state: null }]));
    await norwayMarks(2);
    expect(stateOf(kenya, mexico)?.cursor?.anchor).toBe(7);
    expect(stateOf(kenya, mexico)?.user?.name).toBe('Ana (Mexico)');
    expect(server.lines.some((l) => l.includes('refused presence entries of other participants') && l.includes('Norway'))).toBe(true);
    expect(norway.closes).toEqual([]);

    // The owner's next move still counts: the forged clock did not lock it out.
    mexico.provider.awareness.setLocalStateField('cursor', { anchor: 8, head: 8 });
    await waitFor(() => stateOf(kenya, mexico)?.cursor?.anchor === 8, 'Kenya sees Mexico’s next caret position');
  });

  it('a delegation that reconnects keeps its caret under the same client id', async () => {
    mexico.provider.disconnect();
    mexico.provider.connect();
    await waitFor(() => mexico.provider.wsconnected, 'Mexico reconnected');
    mexico.provider.awareness.setLocalStateField('cursor', { anchor: 9, head: 9 });
    await waitFor(() => stateOf(kenya, mexico)?.cursor?.anchor === 9, 'Kenya sees Mexico’s caret after the reconnect');
    expect(stateOf(kenya, mexico)?.user?.delegation).toBe('Mexico');
  });
});
