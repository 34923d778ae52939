import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { changesAnything, noveltyOf } from './update-novelty';

describe('noveltyOf', () => {
  it('tells new structs and new deletions from a re-sent state', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getText('t').insert(0, 'hello');
    const first = Y.encodeStateAsUpdate(client);
    expect([...noveltyOf(server, first).newClients]).toEqual([client.clientID]);
    Y.applyUpdate(server, first);
    // The same update again (what a sync step 2 may repeat) adds nothing.
    expect(changesAnything(noveltyOf(server, first))).toBe(false);

    client.getText('t').delete(0, 2);
    const deletion = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(noveltyOf(server, deletion)).toEqual({ newClients: new Set(), newDeletions: true });
    Y.applyUpdate(server, deletion);
    // A sync step 2 always carries the whole delete set: known deletions are no change.
    expect(changesAnything(noveltyOf(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))))).toBe(false);
  });
});
