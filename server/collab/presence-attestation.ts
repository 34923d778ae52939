/**
 * Presence is attested by the server, like edits. A connection may set or
 * clear only presence entries that are free or already show its own
 * participant, and the `user` every entry shows is the identity the server
 * authenticated, whatever the client wrote. Without this, any participant
 * could move another delegation's caret, remove it, or label itself as
 * another delegation in front of the room.
 *
 * Entries that would change nothing (the echoes y-websocket clients send
 * back, see limits/message-rate.ts) are dropped before their JSON is read,
 * with the same test y-protocols applies.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import { presenceUser, type PresenceUser } from '../../shared/presence/user';
import type { Identity } from './context';

export interface AttestedPresence {
  /** The entries to apply, re-encoded; null when none is left. */
  update: Uint8Array | null;
  /** Entries refused: another participant's client, or a state that is not an object. */
  refused: number;
}

/** Throws on bytes that are not an awareness update (the caller closes as malformed). */
export function attestPresence(awareness: Awareness, update: Uint8Array, identity: Identity): AttestedPresence {
  const user = presenceUser(identity);
  const decoder = decoding.createDecoder(update);
  const kept: { clientID: number; clock: number; state: string }[] = [];
  let refused = 0;
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const clientID = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    const current = awareness.meta.get(clientID)?.clock ?? 0;
    const present = awareness.states.has(clientID);
    if (clock < current || (clock === current && !present)) continue; // changes nothing
    const state: unknown = JSON.parse(json);
    if (clock === current && state !== null) continue; // changes nothing
    if (clientID === awareness.clientID || (present && !shows(awareness.states.get(clientID), user))) {
      refused++;
      continue;
    }
    if (state === null) kept.push({ clientID, clock, state: 'null' });
    else if (typeof state === 'object' && !Array.isArray(state)) kept.push({ clientID, clock, state: JSON.stringify({ ...state, user }) });
    else refused++;
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after the awareness entries');
  return { update: kept.length ? encodeEntries(kept) : null, refused };
}

/** Whether a present state is this participant's own (same attested delegation and name). */
function shows(state: Record<string, unknown> | undefined, user: PresenceUser): boolean {
  const shown = state?.user as Partial<PresenceUser> | undefined;
  return shown?.delegation === user.delegation && shown?.displayName === user.displayName;
}

function encodeEntries(entries: { clientID: number; clock: number; state: string }[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientID, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientID);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}
