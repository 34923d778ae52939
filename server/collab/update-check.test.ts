import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateFault } from './update-check';

/** A real update of client 777: an operative paragraph inserted into an element of client 1. */
const GOOD = '01048906000700010003136f70657261746976655f70617261677261706807008906000604008906010e46757a7a207061726167726170682800890600026964017703667a3400';
/** The same with its first item's parent changed to item 5 of its own client (later than itself). Found by the fuzzing test. */
const SELF_LATER_PARENT = '0104890600070089060503136f70657261746976655f70617261677261706807008906000604008906010e46757a7a207061726167726170682800890600026964017703667a3400';
const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));

describe('update check', () => {
  it('accepts a real update', () => {
    expect(updateFault(bytes(GOOD))).toBeNull();
  });

  it('refuses an item whose parent is a later item of its own client, which makes Yjs throw', () => {
    expect(updateFault(bytes(SELF_LATER_PARENT))).toBe("item 777:0 refers to its own client's later item 5 as its parent");
    // Why the check exists: Yjs itself throws on this update.
    expect(() => Y.applyUpdate(new Y.Doc(), bytes(SELF_LATER_PARENT))).toThrow();
  });

  it('refuses an origin that is the item itself', () => {
    // Client 5 types "a" then "b": the second update is the item 5:1 with origin 5:0.
    const doc = new Y.Doc();
    doc.clientID = 5;
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getText('t').insert(0, 'a');
    doc.getText('t').insert(1, 'b');
    const hex = Buffer.from(updates[1]).toString('hex');
    expect(hex).toBe('01010501840500016200'); // clients, structs, client 5, clock 1, info (origin + string), origin 5:0, "b", no deletions
    expect(updateFault(updates[1])).toBeNull();
    expect(updateFault(bytes('01010501840501016200'))).toBe("item 5:1 refers to its own client's later item 1 as its origin");
  });

  it('says when the update does not decode', () => {
    expect(updateFault(Uint8Array.of(1, 4, 0xff))).toMatch(/^the update does not decode/);
  });
});
