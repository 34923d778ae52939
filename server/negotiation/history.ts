/**
 * Status changes in the history: the entries of the status map one logged
 * update wrote, read from its replayed transaction (the new items whose
 * parent is the status map), so "OP3 agreed by the facilitator" and "OP3
 * back to pending, changed by Mexico" are listed with the text changes.
 */
import * as Y from 'yjs';
import { STATUS_MAP, type StatusEntry } from '../../shared/negotiation/types';

export interface StatusChange {
  paragraphId: string;
  entry: StatusEntry;
}

export function statusChangesOf(tr: Y.Transaction): StatusChange[] {
  const map = tr.doc.getMap(STATUS_MAP) as unknown;
  const out: StatusChange[] = [];
  for (const [client, after] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0;
    const structs = tr.doc.store.clients.get(client);
    if (!structs || before >= after) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length && structs[i].id.clock < after; i++) {
      const item = structs[i];
      if (!(item instanceof Y.Item) || item.parent !== map || !item.parentSub || !(item.content instanceof Y.ContentAny)) continue;
      const entry = item.content.getContent()[0] as StatusEntry | undefined;
      if (entry && typeof entry === 'object' && typeof entry.status === 'string') out.push({ paragraphId: item.parentSub, entry });
    }
  }
  return out;
}
