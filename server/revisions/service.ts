/**
 * Revisions issued by the secretariat, versions and comparisons.
 *
 * Issuing: refused while the server's validation reports errors, unless the
 * secretariat gives a reason (recorded with the overridden errors). The new
 * symbol, date, sponsors and "revised draft resolution" are a change to the
 * document's masthead, made through the pipeline on the issuer's behalf;
 * the revision then freezes the log up to that change.
 */
import * as Y from 'yjs';
import { compareResolutions, type Comparison } from '../../shared/compare/compare';
import { readMasthead, readResolutionFromYDoc } from '../../shared/editor/ydoc';
import type { Masthead, Resolution } from '../../shared/model/types';
import { resolutionToText } from '../../shared/text/serialize';
import type { Diagnostic } from '../../shared/validation/types';
import { createValidator } from '../../shared/validation/validate';
import type { ConnectionContext } from '../collab/context';
import type { UpdatePipeline } from '../collab/pipeline';
import type { DocumentRegistry } from '../collab/registry';
import { changeOnBehalf } from '../collab/server-peer';
import type { DocumentStore } from '../storage/document-store';
import { RevisionConflict, type Revision, type RevisionStore, type RevisionSummary } from '../storage/revision-store';
import type { LiveDiagnostics } from '../validation/live';
import { attribute } from './attribution';
import { blame } from './blame';
import { RevisionError } from './errors';
import { mastheadEdit, planIssue, type IssueRequest } from './issue';
import { replayTo } from './replay';
import type { VersionRef } from './versions';

export { RevisionError } from './errors';
export type { IssueRequest } from './issue';

export interface RevisionDeps {
  store: DocumentStore;
  revisions: RevisionStore;
  registry: DocumentRegistry;
  pipeline: UpdatePipeline;
  diagnostics: LiveDiagnostics;
}

/** A resolved version: the log position it stands for and how to name it. */
export interface ResolvedVersion {
  /** "Rev.1 (CTOC/COP/2024/L.5/Rev.1)", "seq:42", "current (seq:57)". */
  label: string;
  seq: number;
  revision: RevisionSummary | null;
}

export interface VersionModel extends ResolvedVersion {
  resolution: Resolution;
}

export class RevisionService {
  /** One issue at a time per document, so numbers are never contended within the process. */
  private issuing = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: RevisionDeps) {}

  list(documentId: string): Promise<RevisionSummary[]> {
    return this.deps.revisions.list(documentId);
  }

  /** The server's current errors for the document (the live verdict when it is open). */
  async errors(documentId: string): Promise<Diagnostic[]> {
    const live = await this.deps.registry.peek(documentId);
    const diagnostics = live
      ? this.deps.diagnostics.current(live).diagnostics
      : createValidator({ corpus: this.deps.diagnostics.corpus }).validate(await this.modelAtSeq(documentId, await this.lastSeq(documentId)));
    return diagnostics.filter((d) => d.severity === 'error');
  }

  issue(documentId: string, who: ConnectionContext, req: IssueRequest): Promise<RevisionSummary> {
    const previous = this.issuing.get(documentId) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.issueNow(documentId, who, req));
    this.issuing.set(documentId, run);
    void run.finally(() => {
      if (this.issuing.get(documentId) === run) this.issuing.delete(documentId);
    }).catch(() => undefined);
    return run;
  }

  private async issueNow(documentId: string, who: ConnectionContext, req: IssueRequest): Promise<RevisionSummary> {
    const existing = await this.deps.revisions.list(documentId);

    const errors = await this.errors(documentId);
    const reason = req.override?.reason?.trim() ?? '';
    if (errors.length && !reason) {
      throw new RevisionError(409, `The text has ${errors.length} validation error${errors.length === 1 ? '' : 's'}; correct them, or issue anyway with {"override": {"reason": "…"}}`, errors);
    }

    const plan = planIssue(existing, await this.mastheadOf(documentId), req);
    // The masthead of the issued text: a change through the pipeline, attributed to the issuer.
    const result = await changeOnBehalf(this.deps, who, mastheadEdit(plan.masthead));
    if (result === null) throw new RevisionError(404, `No document with id "${documentId}"`);
    const seq = result === 'unchanged' ? await this.lastSeq(documentId) : result;

    const ydoc = replayTo(await this.deps.store.history(documentId), seq);
    try {
      const resolution = readResolutionFromYDoc(ydoc);
      const revision: Revision = {
        documentId,
        number: plan.number,
        symbol: plan.symbol,
        date: plan.date,
        sponsors: plan.sponsors,
        seq,
        state: Y.encodeStateAsUpdate(ydoc),
        text: resolutionToText(resolution),
        issuedAt: new Date().toISOString(),
        issuedBy: { delegation: who.identity.delegation, name: who.identity.name, role: who.role },
        overrideReason: errors.length ? reason : null,
        overriddenErrors: errors.length ? errors.map((d) => `${d.rule} ${d.label}: ${d.message}`) : [],
      };
      try {
        await this.deps.revisions.add(revision);
      } catch (err) {
        if (err instanceof RevisionConflict) throw new RevisionError(409, `Revision ${plan.number} was issued meanwhile; reload the list`);
        throw err;
      }
      const { state: _state, ...summary } = revision;
      return summary;
    } finally {
      ydoc.destroy();
    }
  }

  async resolve(documentId: string, ref: VersionRef): Promise<ResolvedVersion> {
    if (ref.kind === 'current') {
      const seq = await this.lastSeq(documentId);
      return { label: `current (seq:${seq})`, seq, revision: null };
    }
    if (ref.kind === 'seq') {
      const last = await this.lastSeq(documentId);
      if (ref.seq > last) throw new RevisionError(404, `No change seq:${ref.seq} in the history of "${documentId}" (the last is seq:${last})`);
      return { label: `seq:${ref.seq}`, seq: ref.seq, revision: null };
    }
    const list = await this.deps.revisions.list(documentId);
    const revision = ref.kind === 'revision' ? list.find((r) => r.number === ref.number) : list.find((r) => r.symbol === ref.symbol);
    if (!revision) {
      const what = ref.kind === 'revision' ? `revision ${ref.number}` : `revision with the symbol ${ref.symbol}`;
      const known = list.length ? `issued: ${list.map((r) => `rev:${r.number} (${r.symbol})`).join(', ')}` : 'none has been issued yet';
      throw new RevisionError(404, `No ${what} of "${documentId}"; ${known}`);
    }
    return { label: revision.number === 0 ? revision.symbol : `Rev.${revision.number} (${revision.symbol})`, seq: revision.seq, revision };
  }

  /** The document at a version: an issued revision from its frozen state, any other from the log. */
  async model(documentId: string, ref: VersionRef): Promise<VersionModel> {
    const version = await this.resolve(documentId, ref);
    if (version.revision) {
      const stored = await this.deps.revisions.get(documentId, version.revision.number);
      const ydoc = new Y.Doc({ gc: false });
      try {
        Y.applyUpdate(ydoc, stored!.state);
        return { ...version, resolution: readResolutionFromYDoc(ydoc) };
      } finally {
        ydoc.destroy();
      }
    }
    return { ...version, resolution: await this.modelAtSeq(documentId, version.seq) };
  }

  /** Compares two versions (from no later than to), each change with its delegations. */
  async compare(documentId: string, fromRef: VersionRef, toRef: VersionRef): Promise<{ from: ResolvedVersion; to: ResolvedVersion; comparison: Comparison; fromModel: Resolution; toModel: Resolution }> {
    const from = await this.resolve(documentId, fromRef);
    const to = await this.resolve(documentId, toRef);
    if (from.seq > to.seq) throw new RevisionError(400, `"from" (${from.label}) is later than "to" (${to.label}): compare an older version with a newer one`);
    const b = blame(await this.deps.store.history(documentId), from.seq, to.seq);
    const comparison = attribute(compareResolutions(b.fromModel, b.toModel), b);
    return { from, to, comparison, fromModel: b.fromModel, toModel: b.toModel };
  }

  private async lastSeq(documentId: string): Promise<number> {
    const loaded = await this.deps.store.load(documentId);
    if (!loaded) throw new RevisionError(404, `No document with id "${documentId}"`);
    return loaded.lastSeq;
  }

  private async modelAtSeq(documentId: string, seq: number): Promise<Resolution> {
    const ydoc = replayTo(await this.deps.store.history(documentId), seq);
    try {
      return readResolutionFromYDoc(ydoc);
    } finally {
      ydoc.destroy();
    }
  }

  private async mastheadOf(documentId: string): Promise<Masthead> {
    const live = await this.deps.registry.peek(documentId);
    if (live) return readMasthead(live.ydoc);
    return (await this.modelAtSeq(documentId, await this.lastSeq(documentId))).masthead;
  }
}
