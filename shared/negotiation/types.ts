/**
 * Negotiation state of a document: the status of each paragraph and the
 * comments on paragraphs. Both live in the Y.Doc as root maps of plain JSON,
 * keyed by stable paragraph ids (so they survive renumbering and moves),
 * and so go through the one pipeline like every other change.
 */

/** Root Y.Map: paragraph id → StatusEntry. No entry means pending. */
export const STATUS_MAP = 'status';
/** Root Y.Map: comment id → Comment. */
export const COMMENTS_MAP = 'comments';
/**
 * Root Y.Map: id of a thread's first comment → Resolution, while the thread
 * is resolved (reopening deletes the entry). Apart from the comments so that
 * the author editing a comment and the facilitator resolving its thread at
 * the same time never write the same entry (one would overwrite the other).
 */
export const RESOLVED_MAP = 'resolved';

export const STATUSES = ['pending', 'ad-ref', 'agreed'] as const;
export type ParagraphStatus = (typeof STATUSES)[number];

export const isStatus = (value: unknown): value is ParagraphStatus => typeof value === 'string' && (STATUSES as readonly string[]).includes(value);

export const STATUS_LABELS: Record<ParagraphStatus, string> = { pending: 'Pending', 'ad-ref': 'Ad ref', agreed: 'Agreed' };

/** Who did something, as the server knows them. */
export interface Actor {
  delegation: string;
  name: string;
  role: string;
}

export interface StatusEntry {
  status: ParagraphStatus;
  by: Actor;
  /** ISO time. */
  at: string;
  /** Why the status changed when it was not set by hand: "changed by Mexico (Ana Ruiz)". */
  reason?: string;
  /**
   * The paragraph's content as it was when marked agreed or ad ref (see
   * paragraphFingerprint). The server compares against it to tell a real
   * change of the agreed text (back to pending) from a move of the paragraph,
   * which re-creates it with the same id and text.
   */
  text?: string;
}

export interface Resolution {
  by: Actor;
  /** ISO time. */
  at: string;
}

export interface Comment {
  id: string;
  paragraphId: string;
  /** The comment replied to; null for the first comment of a thread. */
  parentId: string | null;
  delegation: string;
  name: string;
  text: string;
  /** ISO time. */
  at: string;
  /** ISO time of the author's last edit. */
  edited?: string;
}
