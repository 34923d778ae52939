/**
 * Revisions issued by the secretariat: immutable, numbered versions of a
 * document (0 = the original L.n, 1 = Rev.1, …). Async like the other
 * stores so that a PostgreSQL implementation can sit behind it.
 *
 * A revision freezes the update log up to `seq`; `state` is the Y.Doc
 * replayed from the log up to it (tombstones included), so the issued text
 * can be rebuilt exactly even without the log.
 */

export interface Revision {
  documentId: string;
  /** 0 for the original, n for Rev.n. */
  number: number;
  /** "CTOC/COP/2024/L.5", "CTOC/COP/2024/L.5/Rev.1". */
  symbol: string;
  /** YYYY-MM-DD, as printed on the document. */
  date: string;
  sponsors: string[];
  /** The last log sequence number the revision contains. */
  seq: number;
  /** Y.encodeStateAsUpdate of the frozen Y.Doc. */
  state: Uint8Array;
  /** The plain-text form of the issued text. */
  text: string;
  issuedAt: string;
  issuedBy: { delegation: string | null; name: string | null; role: string };
  /** Why it was issued despite validation errors; null when there were none. */
  overrideReason: string | null;
  /** The validation errors overridden (rule and label, e.g. "OP-VERB OP3"); empty without an override. */
  overriddenErrors: string[];
}

export type RevisionSummary = Omit<Revision, 'state'>;

export interface RevisionStore {
  /** Adds the next revision; rejects with RevisionConflict when `number` is taken. */
  add(revision: Revision): Promise<void>;
  /** All revisions of a document, by number, without their states. */
  list(documentId: string): Promise<RevisionSummary[]>;
  get(documentId: string, number: number): Promise<Revision | null>;
  close(): Promise<void>;
}

/** Two revisions issued at once with the same number: the second is refused. */
export class RevisionConflict extends Error {}
