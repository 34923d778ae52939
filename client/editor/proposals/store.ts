/**
 * The proposals and the document mode as the editor sees them: read live
 * from the Y.Doc's "proposals" and "settings" maps, written back through the
 * shared helpers (the server checks every write), plus the open draft.
 */
import type { Identity } from '../../app/identity';
import type { Proposal, DocumentMode } from '../../../shared/proposals/types';
import { proposalsMap, putProposal, readMode, readProposals, settingsMap, writeMode } from '../../../shared/proposals/ydoc';
import type { EditingSession } from '../session';
import type { Draft } from './draft';
import { keepUnsentAsProposals, submitKeptProposals, type KeptChanges } from './unsent';

export interface ProposalsView {
  mode: DocumentMode;
  proposals: Proposal[];
  draft: Draft | null;
  /** The server refused a change from this browser: its copy has diverged and must be reloaded. */
  refused: string | null;
  /** Offline changes submitted as proposals after the reload (see ./unsent.ts). */
  kept: KeptChanges | null;
}

/** Who merges proposals and edits the text directly in proposal mode. */
export const decides = (role: Identity['role']) => role === 'facilitator' || role === 'secretariat' || role === 'admin';

export class ProposalsStore {
  current: ProposalsView;
  private listeners = new Set<() => void>();

  constructor(private readonly session: EditingSession) {
    this.current = { mode: readMode(session.doc), proposals: readProposals(session.doc), draft: null, refused: null, kept: null };
    proposalsMap(session.doc).observe(this.refresh);
    settingsMap(session.doc).observe(this.refresh);
    if (session.provider.synced) queueMicrotask(() => this.submitKept(true));
    else session.provider.on('sync', this.submitKept);
    this.stopNotices = session.onNotice((notice) => {
      if (notice.level !== 'error') return;
      this.current = { ...this.current, refused: notice.message };
      this.emit();
    });
  }

  private stopNotices: () => void;

  /** Submits the offline changes kept across a reload, once the server's text is here. */
  private submitKept = (synced: boolean) => {
    if (!synced) return;
    this.session.provider.off('sync', this.submitKept);
    const kept = submitKeptProposals(this.session);
    if (!kept) return;
    this.current = { ...this.current, kept };
    this.emit();
  };

  /** After a refusal in proposal mode: keep this browser's changes as proposals, then take the server's copy. */
  async keepAsProposals() {
    try {
      await keepUnsentAsProposals(this.session);
    } catch (err) {
      this.current = { ...this.current, refused: `${this.current.refused ?? ''} — ${(err as Error).message}` };
      this.emit();
    }
  }

  dismissKept() {
    this.current = { ...this.current, kept: null };
    this.emit();
  }

  /** After a refusal: drop this browser's diverged copy and load the server's. */
  reload() {
    this.session.discardLocalCopy();
    location.reload();
  }

  private refresh = () => {
    this.current = { ...this.current, mode: readMode(this.session.doc), proposals: readProposals(this.session.doc) };
    this.emit();
  };

  private emit() {
    for (const l of this.listeners) l();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** True when this participant's edits must become proposals. */
  proposing(): boolean {
    return this.current.mode === 'proposal' && !decides(this.session.identity.role) && this.session.identity.role !== 'observer';
  }

  setMode(mode: DocumentMode) {
    writeMode(this.session.doc, mode);
  }

  openDraft(draft: Draft) {
    this.current = { ...this.current, draft };
    this.emit();
  }

  closeDraft() {
    if (!this.current.draft) return;
    this.current = { ...this.current, draft: null };
    this.emit();
  }

  submit(p: Proposal) {
    putProposal(this.session.doc, p);
    this.closeDraft();
  }

  withdraw(p: Proposal) {
    if (p.delegation !== this.session.identity.delegation || p.state !== 'pending') return;
    putProposal(this.session.doc, { ...p, state: 'withdrawn' });
  }

  destroy() {
    this.stopNotices();
    this.session.provider.off('sync', this.submitKept);
    proposalsMap(this.session.doc).unobserve(this.refresh);
    settingsMap(this.session.doc).unobserve(this.refresh);
  }
}
