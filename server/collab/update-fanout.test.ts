import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MESSAGE_SYNC } from '../../shared/protocol/messages';
import type { ConnectionContext } from './context';
import type { Peer } from './peer';
import { UpdateFanout } from './update-fanout';

/** A peer that keeps what it is sent, applied to a Y.Doc of its own. */
class RecordingPeer implements Peer {
  readonly context = {} as ConnectionContext;
  readonly doc = new Y.Doc();
  messages = 0;
  send(message: Uint8Array): void {
    this.messages += 1;
    const decoder = decoding.createDecoder(message);
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE_SYNC);
    syncProtocol.readSyncMessage(decoder, { writeVarUint: () => undefined } as never, this.doc, 'server');
  }
  close(): void {}
}

/** An update typing `text` into a shared Y.Text, from a writer of its own. */
function typed(writer: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(writer);
  writer.getText('t').insert(writer.getText('t').length, text);
  return Y.encodeStateAsUpdate(writer, before);
}

const fanoutFor = (peers: Peer[], count = peers.length) => new UpdateFanout(() => peers, () => count);

describe('UpdateFanout', () => {
  it('sends the first update at once, to everyone but its sender', () => {
    const [a, b, c] = [new RecordingPeer(), new RecordingPeer(), new RecordingPeer()];
    const writer = new Y.Doc();
    fanoutFor([a, b, c]).send(typed(writer, 'x'), a);
    expect([a.messages, b.messages, c.messages]).toEqual([0, 1, 1]);
    expect(b.doc.getText('t').toString()).toBe('x');
  });

  it('coalesces a burst into one merged message per receiver, without echoing a sender’s own updates', async () => {
    const peers = Array.from({ length: 4 }, () => new RecordingPeer());
    const [a, b, c, d] = peers;
    // 100 peers' worth of window (10 ms), with four real ones to look at.
    const fanout = fanoutFor(peers, 100);
    const writerA = new Y.Doc();
    const writerB = new Y.Doc();
    fanout.send(typed(writerA, 'a1'), a); // goes out at once
    fanout.send(typed(writerA, 'a2'), a); // these three wait for the window
    fanout.send(typed(writerB, 'b1'), b);
    fanout.send(typed(writerA, 'a3'), a);
    expect([a.messages, b.messages, c.messages, d.messages]).toEqual([0, 1, 1, 1]);
    await new Promise((r) => setTimeout(r, 30));
    // One more message each: everything for c and d, only the other writer's for a and b.
    expect([a.messages, b.messages, c.messages, d.messages]).toEqual([1, 2, 2, 2]);
    const all = new Y.Doc();
    Y.applyUpdate(all, Y.encodeStateAsUpdate(writerA));
    Y.applyUpdate(all, Y.encodeStateAsUpdate(writerB));
    expect(c.doc.getText('t').toString()).toBe(all.getText('t').toString());
    expect(d.doc.getText('t').toString()).toBe(all.getText('t').toString());
    expect(a.doc.getText('t').toString()).toBe('b1');
    expect(b.doc.getText('t').toString()).toContain('a1');
  });

  it('sends what is queued when flushed (a document closing), and nothing after destroy', () => {
    const [a, b] = [new RecordingPeer(), new RecordingPeer()];
    const fanout = fanoutFor([a, b], 200);
    const writer = new Y.Doc();
    fanout.send(typed(writer, '1'), a);
    fanout.send(typed(writer, '2'), a);
    expect(b.messages).toBe(1);
    fanout.flush();
    expect(b.messages).toBe(2);
    expect(b.doc.getText('t').toString()).toBe('12');
    fanout.send(typed(writer, '3'), a);
    fanout.send(typed(writer, '4'), a);
    fanout.destroy();
    fanout.flush();
    expect(b.messages).toBe(2);
  });
});
