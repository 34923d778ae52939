/**
 * Encoders and decoders for the y-websocket protocol (y-protocols), kept
 * explicit so the server can route every document change through the
 * pipeline instead of letting y-protocols apply it directly.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE_AWARENESS, MESSAGE_SERVER_NOTICE, MESSAGE_SYNC, type ServerNotice } from '../../shared/protocol/messages';

export type ClientMessage =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'sync-step-2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }
  | { kind: 'auth' };

/** Thrown for a frame that is not a well-formed protocol message. */
export class MalformedMessage extends Error {}

/** Decodes one client frame; throws MalformedMessage on anything off. */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    let message: ClientMessage;
    switch (type) {
      case MESSAGE_SYNC: {
        const sub = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (sub === syncProtocol.messageYjsSyncStep1) message = { kind: 'sync-step-1', stateVector: payload };
        else if (sub === syncProtocol.messageYjsSyncStep2) message = { kind: 'sync-step-2', update: payload };
        else if (sub === syncProtocol.messageYjsUpdate) message = { kind: 'update', update: payload };
        else throw new MalformedMessage(`unknown sync message type ${sub}`);
        break;
      }
      case MESSAGE_AWARENESS:
        message = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
        break;
      case 2:
        message = { kind: 'auth' };
        decoder.pos = data.length; // auth payloads are not used
        break;
      case 3:
        message = { kind: 'query-awareness' };
        break;
      default:
        throw new MalformedMessage(`unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes after the message');
    if (message.kind === 'sync-step-1') Y.decodeStateVector(message.stateVector); // validates
    return message;
  } catch (err) {
    if (err instanceof MalformedMessage) throw err;
    throw new MalformedMessage(`cannot decode message: ${(err as Error).message}`);
  }
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

export function encodeNotice(notice: ServerNotice): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SERVER_NOTICE);
  encoding.writeVarString(encoder, JSON.stringify(notice));
  return encoding.toUint8Array(encoder);
}

/** Checks that an update decodes, without applying it anywhere. */
export function assertDecodableUpdate(update: Uint8Array): void {
  try {
    Y.decodeUpdate(update);
  } catch (err) {
    throw new MalformedMessage(`the update does not decode: ${(err as Error).message}`);
  }
}
