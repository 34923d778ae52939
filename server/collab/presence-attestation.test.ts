import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import { attestPresence } from './presence-attestation';

const ANA = { delegation: 'Mexico', name: 'Ana' };
const OLA = { delegation: 'Norway', name: 'Ola' };

/** A client's awareness after `moves` caret moves, encoded as it would send it. */
function clientUpdate(clientID: number, state: Record<string, unknown> | null, moves = 1): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const awareness = new Awareness(doc);
  for (let i = 0; i < moves; i++) awareness.setLocalState(state);
  return encodeAwarenessUpdate(awareness, [clientID]);
}

function server(): Awareness {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(null);
  return awareness;
}

describe('attestPresence', () => {
  it('writes the authenticated identity over the user a client claims', () => {
    const room = server();
    const { update, refused } = attestPresence(room, clientUpdate(11, { user: { name: 'Marie (France)', delegation: 'France' }, cursor: 3 }), OLA);
    expect(refused).toBe(0);
    applyAwarenessUpdate(room, update!, 'ola');
    expect(room.states.get(11)).toEqual({ user: { name: 'Ola (Norway)', displayName: 'Ola', delegation: 'Norway', color: expect.stringMatching(/^hsl/) }, cursor: 3 });
  });

  it('refuses to set or clear an entry that shows another participant, and lets the owner move on', () => {
    const room = server();
    applyAwarenessUpdate(room, attestPresence(room, clientUpdate(11, { cursor: 1 }), ANA).update!, 'ana');
    expect(attestPresence(room, clientUpdate(11, { cursor: 99 }, 50), OLA)).toEqual({ update: null, refused: 1 });
    expect(attestPresence(room, clientUpdate(11, null, 50), OLA)).toEqual({ update: null, refused: 1 });
    const own = attestPresence(room, clientUpdate(11, { cursor: 2 }, 2), ANA);
    expect(own.refused).toBe(0);
    applyAwarenessUpdate(room, own.update!, 'ana');
    expect(room.states.get(11)?.cursor).toBe(2);
  });

  it('drops echoes (nothing new) without counting them as refused', () => {
    const room = server();
    const first = clientUpdate(11, { cursor: 1 });
    applyAwarenessUpdate(room, attestPresence(room, first, ANA).update!, 'ana');
    // Norway's client echoes Mexico's entry back with the same clock.
    expect(attestPresence(room, encodeAwarenessUpdate(room, [11]), OLA)).toEqual({ update: null, refused: 0 });
  });

  it('refuses states that are not objects and the server’s own client id; throws on malformed bytes', () => {
    const room = server();
    expect(attestPresence(room, clientUpdate(12, 5 as unknown as Record<string, unknown>), ANA).refused).toBe(1);
    expect(attestPresence(room, clientUpdate(room.clientID, { cursor: 1 }, 3), ANA).refused).toBe(1);
    const good = clientUpdate(13, { cursor: 1 });
    expect(() => attestPresence(room, good.slice(0, good.length - 2), ANA)).toThrow();
    expect(() => attestPresence(room, Uint8Array.of(...good, 0), ANA)).toThrow(/trailing/);
  });
});
