/**
 * Checks an update's structure before it reaches the live document. Yjs
 * trusts its peers: an update that decodes may still make `Y.applyUpdate`
 * throw halfway through (found by test/integration/fuzz.test.ts), leaving
 * part of it applied. The check here refuses what Yjs cannot integrate:
 * an item that refers (as its left or right origin, or its parent) to an
 * item of its own client that is not older than itself. Such an item cannot
 * exist — a client only refers to items that existed when it wrote — and
 * Yjs, which expects none, looks for it in the document and fails.
 */
import * as Y from 'yjs';
import { MalformedMessage } from './protocol';

type Ref = { client: number; clock: number };

const isId = (x: unknown): x is Ref => x !== null && typeof x === 'object' && typeof (x as Ref).client === 'number' && typeof (x as Ref).clock === 'number';

/** Why the update cannot be applied, or null when its references are sound. */
export function updateFault(update: Uint8Array): string | null {
  let structs: Array<Y.Item | Y.GC | { id: Ref; length: number }>;
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch (err) {
    return `the update does not decode: ${(err as Error).message}`;
  }
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { client, clock } = struct.id;
    for (const [name, ref] of [
      ['origin', struct.origin],
      ['right origin', struct.rightOrigin],
      ['parent', struct.parent],
    ] as const) {
      if (isId(ref) && ref.client === client && ref.clock >= clock) {
        return `item ${client}:${clock} refers to its own client's later item ${ref.clock} as its ${name}`;
      }
    }
  }
  return null;
}

/** Throws MalformedMessage when the update cannot be applied safely. */
export function assertWellFormedUpdate(update: Uint8Array): void {
  const fault = updateFault(update);
  if (fault) throw new MalformedMessage(fault);
}
