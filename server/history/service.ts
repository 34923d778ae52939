/**
 * History derived from the update log: the log is replayed, in order, into a
 * fresh Y.Doc (gc off, like the live one), and the changes of the wanted
 * updates are read off their transactions. Nothing derived is stored: the
 * log with its attribution is the record.
 */
import { toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { readResolutionFromYDoc } from '../../shared/editor/ydoc';
import { labelMap } from '../../shared/model/labels';
import type { Resolution } from '../../shared/model/types';
import { resolutionToText } from '../../shared/text/serialize';
import type { DocumentStore, StoredUpdate } from '../storage/document-store';
import { changesOf } from './changes';
import { statusChangesOf } from '../negotiation/history';

export interface HistoryChange {
  seq: number;
  time: string;
  delegation: string | null;
  name: string | null;
  role: string;
  /** The paragraph (id and label at that time, e.g. OP3(a)); for the title, authority line and masthead the id is null. */
  paragraph: { id: string | null; label: string };
  inserted: string;
  deleted: string;
  /** For a change of the paragraph's negotiation status (server/negotiation/history.ts): the new status and why. */
  status?: { status: string; reason: string | null };
}

export interface HistoryFilter {
  delegation?: string;
  /** ISO time: changes at or after it. */
  since?: string;
}

export interface HistoryResult {
  changes: HistoryChange[];
  /** The document's state vector (base64) just before `since`: what existed then. Null without `since`. */
  stateVector: string | null;
  lastSeq: number;
}

export interface Version {
  seq: number;
  time: string;
  resolution: Resolution;
  text: string;
  /** The replayed document; the caller destroys it. */
  ydoc: Y.Doc;
}

const KIND_LABEL: Record<string, string> = { title: 'Title', authority: 'Authority', masthead: 'Masthead' };

export class HistoryService {
  constructor(private readonly store: DocumentStore) {}

  async changes(documentId: string, filter: HistoryFilter = {}): Promise<HistoryResult> {
    const log = await this.store.history(documentId);
    const since = filter.since ? Date.parse(filter.since) : null;
    const wanted = (u: StoredUpdate) =>
      (filter.delegation === undefined || u.attribution.delegation === filter.delegation) && (since === null || Date.parse(u.time) >= since);

    const ydoc = new Y.Doc({ gc: false });
    const changes: HistoryChange[] = [];
    let stateVector: string | null = null;
    // Labels of the current replay state, computed only when a wanted update needs them.
    let labels: Map<string, string> | null = null;
    const currentLabels = () => (labels ??= safeLabels(ydoc));
    try {
      for (const u of log) {
        if (since !== null && stateVector === null && Date.parse(u.time) >= since) stateVector = toBase64(Y.encodeStateVector(ydoc));
        if (!wanted(u)) {
          Y.applyUpdate(ydoc, u.update);
          labels = null;
          continue;
        }
        const before = currentLabels();
        let tr: Y.Transaction | null = null;
        const capture = (t: Y.Transaction) => (tr = t);
        ydoc.on('afterTransaction', capture);
        try {
          Y.applyUpdate(ydoc, u.update);
        } finally {
          ydoc.off('afterTransaction', capture);
        }
        labels = null;
        if (!tr) continue;
        const after = currentLabels();
        for (const c of changesOf(tr)) {
          const label = c.place.id ? (after.get(c.place.id) ?? before.get(c.place.id) ?? c.place.id) : (KIND_LABEL[c.place.kind] ?? c.place.kind);
          changes.push({
            seq: u.seq,
            time: u.time,
            delegation: u.attribution.delegation,
            name: u.attribution.name,
            role: u.attribution.role,
            paragraph: { id: c.place.id, label },
            inserted: c.inserted,
            deleted: c.deleted,
          });
        }
        for (const s of statusChangesOf(tr)) {
          const label = after.get(s.paragraphId) ?? before.get(s.paragraphId) ?? s.paragraphId;
          const { seq, time, attribution: a } = u;
          changes.push({ seq, time, delegation: a.delegation, name: a.name, role: a.role, paragraph: { id: s.paragraphId, label }, inserted: '', deleted: '', status: { status: s.entry.status, reason: s.entry.reason ?? null } });
        }
      }
      if (since !== null && stateVector === null) stateVector = toBase64(Y.encodeStateVector(ydoc));
      return { changes, stateVector, lastSeq: log.at(-1)?.seq ?? 0 };
    } finally {
      ydoc.destroy();
    }
  }

  /** The document as it was right after update `seq`; null if there is no such update. */
  async version(documentId: string, seq: number): Promise<Version | null> {
    const log = await this.store.history(documentId);
    const last = log.find((u) => u.seq === seq);
    if (!last) return null;
    const ydoc = new Y.Doc({ gc: false });
    ydoc.transact(() => {
      for (const u of log) {
        if (u.seq > seq) break;
        Y.applyUpdate(ydoc, u.update);
      }
    });
    const resolution = readResolutionFromYDoc(ydoc);
    return { seq, time: last.time, resolution, text: resolutionToText(resolution), ydoc };
  }
}

function safeLabels(ydoc: Y.Doc): Map<string, string> {
  try {
    return labelMap(readResolutionFromYDoc(ydoc));
  } catch {
    return new Map(); // a state the model cannot read (e.g. mid-restructuring): labels fall back to ids
  }
}
