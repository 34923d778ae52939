import { describe, expect, it } from 'vitest';
import { decodeRelayMessage, documentChannel, encodeRelayMessage, type RelayMessage } from './messages';

describe('relay messages', () => {
  it('round-trip every kind', () => {
    const messages: RelayMessage[] = [
      { kind: 'update', node: 'node-a', sentAt: 1732380000123.5, seq: 4242, update: new Uint8Array([1, 2, 3]) },
      { kind: 'awareness', node: 'nœud-b', sentAt: 1, update: new Uint8Array([9]) },
      { kind: 'hello', node: 'c', sentAt: 2 },
      { kind: 'revoke', node: 'c', sentAt: 3, revocation: { participantId: 'p123' } },
      { kind: 'revoke', node: 'c', sentAt: 4, revocation: { sessionId: 's-456' } },
    ];
    for (const m of messages) expect(decodeRelayMessage(encodeRelayMessage(m))).toEqual(m);
  });

  it('refuse an unknown kind and truncated input', () => {
    const bytes = encodeRelayMessage({ kind: 'hello', node: 'x', sentAt: 0 });
    bytes[0] = 7;
    expect(() => decodeRelayMessage(bytes)).toThrow(/unknown relay message kind 7/);
    const update = encodeRelayMessage({ kind: 'update', node: 'x', sentAt: 0, seq: 1, update: new Uint8Array(10) });
    expect(() => decodeRelayMessage(update.slice(0, update.length - 4))).toThrow();
  });

  it('name one channel per document under the prefix', () => {
    expect(documentChannel('test-1:', 'abc')).toBe('test-1:doc:abc');
  });
});
