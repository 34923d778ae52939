/**
 * Deciding proposals: accept (merge into the text), reject, in bulk, and
 * undo the last decision(s). Every change goes through the pipeline
 * (changeOnBehalf):
 *
 * - the merge of an accepted proposal is written under the PROPOSER's
 *   identity, so the update log — the history — attributes the accepted
 *   words to the delegation that proposed them (and the Yjs client id of
 *   that change is claimed by the proposer);
 * - the proposal's new state is a separate change attributed to the
 *   facilitator (or secretariat) who decided.
 *
 * Decisions on one document run one at a time.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { readResolutionFromYDoc } from '../../shared/editor/ydoc';
import { proposalLabels, flatParagraphs } from '../../shared/proposals/labels';
import { isPending, type Decision, type Proposal } from '../../shared/proposals/types';
import { putProposal, readProposals } from '../../shared/proposals/ydoc';
import type { ConnectionContext } from '../collab/context';
import type { Peer } from '../collab/peer';
import type { UpdatePipeline } from '../collab/pipeline';
import type { DocumentRegistry } from '../collab/registry';
import { changeOnBehalf } from '../collab/server-peer';
import type { HistoryService } from '../history/service';
import { findParagraph } from '../history/paragraphs';
import { mergeProposal, ProposalConflict, undoMerge } from './merge';

export interface ProposalDeps {
  registry: DocumentRegistry;
  pipeline: UpdatePipeline;
  history: HistoryService;
}

export type Selector = { proposal: string } | { delegation: string } | { paragraph: string };

export interface DecisionResult {
  decided: Array<{ id: string; label: string; state: 'accepted' | 'rejected'; seq: number | null }>;
  /** Proposals that could not be accepted (bulk only; a single one answers 409). */
  conflicts: Array<{ id: string; label: string; error: string }>;
  batch: string | null;
}

/** A client error the API turns into a 4xx with this message. */
export class ProposalError extends Error {
  constructor(
    readonly status: 404 | 409 | 400,
    message: string,
  ) {
    super(message);
  }
}

export class ProposalService {
  private queues = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: ProposalDeps) {}

  /** Runs `task` after every earlier decision on the document. */
  private serial<T>(documentId: string, task: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(documentId) ?? Promise.resolve();
    const next = prev.then(task, task);
    const settled = next.catch(() => undefined);
    this.queues.set(documentId, settled);
    void settled.then(() => {
      if (this.queues.get(documentId) === settled) this.queues.delete(documentId);
    });
    return next;
  }

  /** Reads the live document (opening it if needed). Null for an unknown document. */
  async read<T>(documentId: string, read: (ydoc: Y.Doc) => T): Promise<T | null> {
    const peer: Peer = { context: systemContext(documentId), send() {}, close() {} };
    const doc = await this.deps.registry.acquire(documentId, peer);
    if (!doc) return null;
    try {
      return read(doc.ydoc);
    } finally {
      this.deps.registry.release(doc, peer);
    }
  }

  private async snapshot(documentId: string) {
    const state = await this.read(documentId, (ydoc) => {
      const proposals = readProposals(ydoc);
      const resolution = readResolutionFromYDoc(ydoc);
      return { proposals, resolution };
    });
    if (!state) throw new ProposalError(404, `No document with id "${documentId}"`);
    const labels = proposalLabels(state.resolution, state.proposals);
    const paragraphLabels = new Map(flatParagraphs(state.resolution).map((p) => [p.id, p.label]));
    return { ...state, labels, paragraphLabels };
  }

  decide(documentId: string, selector: Selector, action: 'accept' | 'reject', by: ConnectionContext, force = false): Promise<DecisionResult> {
    return this.serial(documentId, async () => {
      const { proposals, labels } = await this.snapshot(documentId);
      let chosen: Proposal[];
      if ('proposal' in selector) {
        const p = proposals.find((x) => x.id === selector.proposal);
        if (!p) throw new ProposalError(404, `No proposal "${selector.proposal}" in document "${documentId}"`);
        if (!isPending(p)) throw new ProposalError(409, `${labels.get(p.id)} (${p.delegation}) is ${p.state} already`);
        chosen = [p];
      } else if ('delegation' in selector) {
        chosen = proposals.filter((p) => isPending(p) && p.delegation === selector.delegation);
      } else {
        chosen = proposals.filter((p) => isPending(p) && (p.paragraph === selector.paragraph || p.after?.paragraph === selector.paragraph));
      }
      const batch = randomUUID();
      const result: DecisionResult = { decided: [], conflicts: [], batch: chosen.length ? batch : null };
      for (const p of chosen) {
        const label = labels.get(p.id) ?? p.id;
        let merge: Decision['merge'];
        if (action === 'accept') {
          const changed: string[] = [];
          const proposer: ConnectionContext = {
            connectionId: `merge:${randomUUID()}`,
            documentId,
            identity: { delegation: p.delegation, name: p.name },
            role: 'delegation',
            participantId: null,
            sessionId: null,
            merging: p.id,
          };
          try {
            const seq = await changeOnBehalf(this.deps, proposer, mergeProposal(p, { force, label }, changed));
            if (seq === null) throw new ProposalError(404, `No document with id "${documentId}"`);
            if (seq !== 'unchanged') merge = { seq, paragraphs: changed };
          } catch (err) {
            if (!(err instanceof ProposalConflict)) throw err;
            if ('proposal' in selector) throw new ProposalError(409, `${label} (${p.delegation}): ${err.message}`);
            result.conflicts.push({ id: p.id, label, error: err.message });
            continue;
          }
        }
        const decision: Decision = { delegation: by.identity.delegation, name: by.identity.name, role: by.role, at: new Date().toISOString(), batch, ...(merge ? { merge } : {}) };
        await changeOnBehalf(this.deps, by, (copy) => {
          putProposal(copy, { ...p, state: action === 'accept' ? 'accepted' : 'rejected', decision });
        });
        result.decided.push({ id: p.id, label, state: action === 'accept' ? 'accepted' : 'rejected', seq: merge?.seq ?? null });
      }
      return result;
    });
  }

  /**
   * All or nothing: every paragraph the batch's merges changed must still be
   * as the last of those merges left it, before anything is undone.
   */
  private async checkUnchangedSince(documentId: string, group: Proposal[], labelOf: (id: string) => string): Promise<void> {
    const lastMerge = new Map<string, number>();
    for (const p of group) {
      const merge = p.decision?.merge;
      for (const id of merge?.paragraphs ?? []) lastMerge.set(id, Math.max(lastMerge.get(id) ?? 0, merge!.seq));
    }
    for (const seq of new Set(lastMerge.values())) {
      const version = await this.deps.history.version(documentId, seq);
      if (!version) throw new ProposalError(409, 'The history around a merge of this decision is missing');
      try {
        const ids = [...lastMerge].filter(([, s]) => s === seq).map(([id]) => id);
        const then = new Map(ids.map((id) => [id, paragraphXml(version.ydoc, id)]));
        const changed = await this.read(documentId, (ydoc) => ids.find((id) => paragraphXml(ydoc, id) !== then.get(id)));
        if (changed) throw new ProposalError(409, `Cannot undo: ${labelOf(changed)} changed since the decision; undo would lose that change`);
      } finally {
        version.ydoc.destroy();
      }
    }
  }

  /** Undoes the most recent decision batch: merges are reverted (refused if the text changed since), proposals become pending again. */
  undo(documentId: string, by: ConnectionContext): Promise<{ undone: string[]; batch: string }> {
    return this.serial(documentId, async () => {
      const { proposals, paragraphLabels } = await this.snapshot(documentId);
      const decided = proposals.filter((p) => (p.state === 'accepted' || p.state === 'rejected') && p.decision);
      if (!decided.length) throw new ProposalError(409, 'There is no decision to undo');
      const latest = decided.reduce((a, b) => (a.decision!.at >= b.decision!.at ? a : b));
      const batch = latest.decision!.batch;
      // Reverse order of the merges: each undo restores the state its merge started from.
      const group = decided.filter((p) => p.decision!.batch === batch).sort((a, b) => (b.decision!.merge?.seq ?? 0) - (a.decision!.merge?.seq ?? 0));
      const labelOf = (id: string) => paragraphLabels.get(id) ?? 'a paragraph';
      await this.checkUnchangedSince(documentId, group, labelOf);
      for (const p of group) {
        const merge = p.decision!.merge;
        if (!merge) continue;
        const before = await this.deps.history.version(documentId, merge.seq - 1);
        const after = await this.deps.history.version(documentId, merge.seq);
        if (!before || !after) throw new ProposalError(409, `The history around the merge of ${p.delegation}’s proposal is missing`);
        try {
          await changeOnBehalf(this.deps, by, undoMerge(merge.paragraphs, before.ydoc, after.ydoc, labelOf));
        } catch (err) {
          if (err instanceof ProposalConflict) throw new ProposalError(409, `Cannot undo the acceptance of ${p.delegation}’s proposal: ${err.message}`);
          throw err;
        } finally {
          before.ydoc.destroy();
          after.ydoc.destroy();
        }
      }
      await changeOnBehalf(this.deps, by, (copy) => {
        for (const p of group) {
          const { decision: _decision, ...rest } = p;
          putProposal(copy, { ...rest, state: 'pending' });
        }
      });
      return { undone: group.map((p) => p.id), batch };
    });
  }
}

/** Paragraph as XML (content and attributes), or null when it is not in the document. */
const paragraphXml = (ydoc: Y.Doc, id: string) => findParagraph(ydoc, id)?.toString() ?? null;

function systemContext(documentId: string): ConnectionContext {
  return { connectionId: `read:${randomUUID()}`, documentId, identity: { delegation: 'Penholder', name: 'Penholder' }, role: 'system', participantId: null, sessionId: null };
}
