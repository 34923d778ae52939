/**
 * What nodes say to each other on a document's Redis channel (binary):
 *
 *   update     an update the sender accepted and logged as `seq`
 *   awareness  presence changes of the sender's clients
 *   hello      "I just opened this document": others answer with their presence
 *   revoke     (on the control channel) a participant or session was revoked:
 *              every node drops its connections of it
 *
 * Every message carries the sender's node id (a node ignores its own) and
 * the time it was sent (for the relay lag).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export type RelayMessage =
  | { kind: 'update'; node: string; sentAt: number; seq: number; update: Uint8Array }
  | { kind: 'awareness'; node: string; sentAt: number; update: Uint8Array }
  | { kind: 'hello'; node: string; sentAt: number }
  | { kind: 'revoke'; node: string; sentAt: number; revocation: { participantId: string } | { sessionId: string } };

const KIND = { update: 0, awareness: 1, hello: 2, revoke: 3 } as const;

export function encodeRelayMessage(m: RelayMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, KIND[m.kind]);
  encoding.writeVarString(e, m.node);
  encoding.writeFloat64(e, m.sentAt);
  if (m.kind === 'update') {
    encoding.writeVarUint(e, m.seq);
    encoding.writeVarUint8Array(e, m.update);
  } else if (m.kind === 'awareness') {
    encoding.writeVarUint8Array(e, m.update);
  } else if (m.kind === 'revoke') {
    const r = m.revocation;
    encoding.writeVarUint(e, 'participantId' in r ? 0 : 1);
    encoding.writeVarString(e, 'participantId' in r ? r.participantId : r.sessionId);
  }
  return encoding.toUint8Array(e);
}

/** Throws on anything that is not a relay message. */
export function decodeRelayMessage(data: Uint8Array): RelayMessage {
  const d = decoding.createDecoder(data);
  const kind = decoding.readVarUint(d);
  const node = decoding.readVarString(d);
  const sentAt = decoding.readFloat64(d);
  switch (kind) {
    case KIND.update:
      return { kind: 'update', node, sentAt, seq: decoding.readVarUint(d), update: decoding.readVarUint8Array(d) };
    case KIND.awareness:
      return { kind: 'awareness', node, sentAt, update: decoding.readVarUint8Array(d) };
    case KIND.hello:
      return { kind: 'hello', node, sentAt };
    case KIND.revoke: {
      const participant = decoding.readVarUint(d) === 0;
      const id = decoding.readVarString(d);
      return { kind: 'revoke', node, sentAt, revocation: participant ? { participantId: id } : { sessionId: id } };
    }
    default:
      throw new Error(`unknown relay message kind ${kind}`);
  }
}

/** The channel of what concerns every node (revocations). */
export const controlChannel = (prefix: string) => `${prefix}control`;

/** The Redis channel of one document. */
export const documentChannel = (prefix: string, documentId: string) => `${prefix}doc:${documentId}`;
