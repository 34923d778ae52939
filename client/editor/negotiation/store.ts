/**
 * The editor's negotiation state for one session: statuses and comments
 * (live from the Y.Doc's maps), the summary (derived from the text,
 * recomputed shortly after edits), and this screen's own state: the filter
 * and the open status menu. The editor extension and the side panels read
 * the same store; writes use the shared functions the server checks.
 */
import * as Y from 'yjs';
import { BODY_FIELD } from '../../../shared/editor/schema';
import { readResolutionFromYDoc } from '../../../shared/editor/ydoc';
import { canResolve, canSetStatus, isOwnComment } from '../../../shared/negotiation/permissions';
import { summarize, type Summary } from '../../../shared/negotiation/summary';
import { threadsByParagraph, type Thread } from '../../../shared/negotiation/threads';
import type { Actor, Comment, ParagraphStatus, StatusEntry } from '../../../shared/negotiation/types';
import { addComment, commentsMap, deleteComment, editComment, readComments, readResolutions, readStatuses, resolvedMap, resolveThread, setStatus, statusMap } from '../../../shared/negotiation/ydoc';
import { canWrite } from '../../../shared/auth/roles';
import type { EditingSession } from '../session';

export interface NegotiationView {
  statuses: Map<string, StatusEntry>;
  comments: Map<string, Comment>;
  threads: Map<string, Thread[]>;
  summary: Summary | null;
  /** Hide agreed paragraphs ("Show only what is not yet agreed"). */
  onlyNotAgreed: boolean;
  /** The paragraph whose status menu is open, and where. */
  menu: { paragraphId: string; x: number; y: number } | null;
  /** An edit was refused because it touched paragraphs the filter hides. */
  hiddenEditRefused?: boolean;
}

const SUMMARY_DELAY_MS = 150;
const stores = new WeakMap<EditingSession, NegotiationStore>();

/** The one store of a session (the extension and the panels share it). */
export function negotiationOf(session: EditingSession): NegotiationStore {
  let store = stores.get(session);
  if (!store) stores.set(session, (store = new NegotiationStore(session)));
  return store;
}

export class NegotiationStore {
  current: NegotiationView;
  readonly actor: Actor;
  private listeners = new Set<() => void>();
  /** Listeners of what the text's decorations show (statuses, comments, filter), not of the summary or the menu. */
  private decorationListeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly session: EditingSession) {
    const { identity } = session;
    this.actor = { delegation: identity.delegation, name: identity.name, role: identity.role };
    const comments = readComments(session.doc);
    this.current = { statuses: readStatuses(session.doc), comments, threads: threadsByParagraph(comments, readResolutions(session.doc)), summary: null, onlyNotAgreed: false, menu: null };
    statusMap(session.doc).observe(this.onStatuses);
    commentsMap(session.doc).observe(this.onComments);
    resolvedMap(session.doc).observe(this.onComments);
    session.doc.getXmlFragment(BODY_FIELD).observeDeep(this.onText);
    this.recompute();
  }

  /** The facilitator, the secretariat and the administrator set statuses. */
  get canSetStatus(): boolean {
    return canSetStatus(this.actor.role);
  }
  get canComment(): boolean {
    return canWrite(this.session.identity.role);
  }
  canResolve = (root: Comment) => canResolve(this.actor, root);
  isOwn = (c: Comment) => isOwnComment(this.actor, c);

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * For the editor extension: called only when statuses, comments or the
   * filter change, so that the editor is not redrawn (and the caret not
   * touched) for what it does not show.
   */
  subscribeDecorations(listener: () => void): () => void {
    this.decorationListeners.add(listener);
    return () => this.decorationListeners.delete(listener);
  }

  setStatus(paragraphId: string, status: ParagraphStatus): void {
    if (!this.canSetStatus) return;
    setStatus(this.session.doc, paragraphId, status, this.actor);
  }
  addComment(paragraphId: string, text: string, parentId: string | null = null): void {
    if (text.trim()) addComment(this.session.doc, this.actor, paragraphId, text.trim(), parentId);
  }
  editComment(id: string, text: string): void {
    if (text.trim()) editComment(this.session.doc, id, text.trim());
  }
  deleteComment(id: string): void {
    deleteComment(this.session.doc, id);
  }
  resolve(rootId: string, resolved: boolean): void {
    resolveThread(this.session.doc, rootId, this.actor, resolved);
  }

  setFilter(onlyNotAgreed: boolean): void {
    this.update({ onlyNotAgreed, hiddenEditRefused: false });
  }
  /** The editor refused an edit of hidden paragraphs (see ./extension.ts): the panel says why. */
  refusedHiddenEdit(): void {
    if (!this.current.hiddenEditRefused) this.update({ hiddenEditRefused: true });
  }
  openMenu(paragraphId: string, x: number, y: number): void {
    this.update({ menu: { paragraphId, x, y } });
  }
  closeMenu(): void {
    if (this.current.menu) this.update({ menu: null });
  }

  destroy(): void {
    statusMap(this.session.doc).unobserve(this.onStatuses);
    commentsMap(this.session.doc).unobserve(this.onComments);
    resolvedMap(this.session.doc).unobserve(this.onComments);
    this.session.doc.getXmlFragment(BODY_FIELD).unobserveDeep(this.onText);
    if (this.timer) clearTimeout(this.timer);
    stores.delete(this.session);
  }

  private update(patch: Partial<NegotiationView>): void {
    this.current = { ...this.current, ...patch };
    for (const l of this.listeners) l();
    if ('statuses' in patch || 'threads' in patch || 'onlyNotAgreed' in patch) for (const l of this.decorationListeners) l();
  }

  private onStatuses = () => {
    this.update({ statuses: readStatuses(this.session.doc) });
    this.recompute();
  };
  private onComments = () => {
    const comments = readComments(this.session.doc);
    this.update({ comments, threads: threadsByParagraph(comments, readResolutions(this.session.doc)) });
  };
  private onText = (_events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.recompute(), SUMMARY_DELAY_MS);
  };

  private recompute(): void {
    this.timer = null;
    try {
      this.update({ summary: summarize(readResolutionFromYDoc(this.session.doc), this.current.statuses) });
    } catch {
      // A state the model cannot read mid-restructuring: keep the last summary.
    }
  }
}
