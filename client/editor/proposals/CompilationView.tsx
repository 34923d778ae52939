/**
 * The compilation view (facilitator, secretariat): every paragraph with its
 * pending proposals grouped under it — "OP5 (Mexico): …", "OP5 alt (European
 * Union): …", "OP7 (United States: delete)", "4 bis (Norway): …" — with
 * accept / reject in place (each, all on a paragraph, all of a delegation),
 * undo of the last decision and the export as text. Computed live from the
 * same Y.Doc as the editor; decisions go to the server (the text and the
 * states come back through sync).
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/react';
import { compile, type CompiledProposal } from '../../../shared/proposals/compilation';
import { delegationColor } from '../../app/identity';
import { DiffText } from '../suggestions/DiffText';
import type { EditingSession } from '../session';
import { compilationTextUrl, compilationDocxUrl, DecisionError, postDecision } from './api';
import { modelOf } from './extension';
import type { ProposalsStore } from './store';

interface Failure {
  message: string;
  /** A proposal that can be accepted anyway (409 on a changed paragraph). */
  force?: string;
}

export function CompilationView({ store, session, editor, onClose }: { store: ProposalsStore; session: EditingSession; editor: Editor; onClose: () => void }) {
  const view = useSyncExternalStore(
    (cb) => store.subscribe(cb),
    () => store.current,
  );
  const [doc, setDoc] = useState(editor.state.doc);
  useEffect(() => {
    const update = () => setDoc(editor.state.doc);
    editor.on('update', update);
    return () => void editor.off('update', update);
  }, [editor]);
  const entries = useMemo(() => {
    const model = modelOf(doc);
    return model ? compile(model, view.proposals) : [];
  }, [doc, view.proposals]);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [onlyWithProposals, setOnlyWithProposals] = useState(false);
  const [delegation, setDelegation] = useState('');
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  const pending = entries.flatMap((e) => e.proposals);
  const delegations = [...new Set(pending.map((c) => c.proposal.delegation))].sort();

  const run = async (what: string, path: string, body?: unknown, force?: string) => {
    setBusy(what);
    setFailure(null);
    setNotice(null);
    try {
      const result = (await postDecision(session.documentId, path, body)) as { decided?: unknown[]; conflicts?: Array<{ label: string; error: string }>; undone?: unknown[] };
      const conflicts = result.conflicts ?? [];
      if (conflicts.length) setFailure({ message: conflicts.map((c) => `${c.label}: ${c.error}`).join(' · ') });
      else if (result.undone) setNotice(`Undone: ${result.undone.length} decision${result.undone.length === 1 ? '' : 's'}`);
      else setNotice(`${what}: done`);
    } catch (err) {
      const e = err as DecisionError;
      setFailure({ message: e.message, force: e.status === 409 ? force : undefined });
    } finally {
      setBusy(null);
    }
  };
  const decide = (c: CompiledProposal, action: 'accept' | 'reject', force = false) =>
    run(`${action === 'accept' ? 'Accepting' : 'Rejecting'} ${c.heading}`, `${encodeURIComponent(c.proposal.id)}/${action}`, force ? { force: true } : undefined, action === 'accept' && !force ? c.proposal.id : undefined);

  return (
    <div className="compilation-backdrop">
      <div
        className="compilation"
        role="dialog"
        aria-modal="true"
        aria-label="Compilation of proposals"
        tabIndex={-1}
        ref={dialog}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      >
        <header className="compilation-head">
          <h2>Compilation of proposals</h2>
          <span className="muted">{pending.length} pending</span>
          <span className="spacer" />
          <button type="button" disabled={!!busy} onClick={() => run('Undo', 'undo')}>
            Undo last decision
          </button>
          <a className="button" href={compilationTextUrl(session.documentId)} download>
            Export as text
          </a>
          <a className="button" href={compilationDocxUrl(session.documentId)} download>
            Export as Word
          </a>
          <button type="button" onClick={onClose} title="Esc">
            Close
          </button>
        </header>
        <div className="compilation-tools">
          <label className="inline">
            <input type="checkbox" checked={onlyWithProposals} onChange={(e) => setOnlyWithProposals(e.target.checked)} /> only paragraphs with proposals
          </label>
          <label className="inline">
            All of{' '}
            <select value={delegation} onChange={(e) => setDelegation(e.target.value)} aria-label="Delegation">
              <option value="">a delegation…</option>
              {delegations.map((d) => (
                <option key={d}>{d}</option>
              ))}
            </select>
          </label>
          <button type="button" disabled={!delegation || !!busy} onClick={() => run(`Accepting all of ${delegation}`, 'accept', { delegation })}>
            Accept all
          </button>
          <button type="button" disabled={!delegation || !!busy} onClick={() => run(`Rejecting all of ${delegation}`, 'reject', { delegation })}>
            Reject all
          </button>
        </div>
        <div aria-live="polite" className="compilation-status">
          {busy && <p className="muted">{busy}…</p>}
          {notice && !busy && <p className="muted">{notice}</p>}
        </div>
        {failure && (
          <div className="error" role="alert">
            {failure.message}
            {failure.force && (
              <button type="button" disabled={!!busy} onClick={() => run('Accepting anyway', `${encodeURIComponent(failure.force!)}/accept`, { force: true })}>
                Accept anyway
              </button>
            )}
          </div>
        )}
        <ol className="compilation-list">
          {entries
            .filter((e) => !onlyWithProposals || e.proposals.length)
            .map((entry, i) => (
              <li key={entry.paragraph?.id ?? `none-${i}`} className="comp-entry" data-paragraph={entry.paragraph?.id ?? ''}>
                {entry.paragraph ? (
                  <p className="comp-paragraph">
                    <strong>{entry.paragraph.label}</strong> {entry.paragraph.text}
                  </p>
                ) : (
                  <p className="comp-paragraph muted">Placed first, or on paragraphs no longer in the text</p>
                )}
                {entry.paragraph && entry.proposals.length > 1 && (
                  <div className="comp-bulk">
                    <button type="button" disabled={!!busy} onClick={() => run(`Accepting all on ${entry.paragraph!.label}`, 'accept', { paragraph: entry.paragraph!.id })}>
                      Accept all on {entry.paragraph.label}
                    </button>
                    <button type="button" disabled={!!busy} onClick={() => run(`Rejecting all on ${entry.paragraph!.label}`, 'reject', { paragraph: entry.paragraph!.id })}>
                      Reject all on {entry.paragraph.label}
                    </button>
                  </div>
                )}
                {entry.proposals.length > 0 && (
                  <ul className="comp-proposals">
                    {entry.proposals.map((c) => (
                      <li key={c.proposal.id} className="comp-proposal" data-proposal={c.proposal.id} style={{ ['--proposal-color' as string]: delegationColor(c.proposal.delegation) }}>
                        <span className="proposal-heading">{c.heading}</span>
                        {c.proposal.kind === 'text' && c.diff ? (
                          <>
                            : <DiffText diff={c.diff} />
                          </>
                        ) : c.text ? (
                          <>
                            : <ins>{c.text}</ins>
                          </>
                        ) : null}
                        {c.stale && <span className="proposal-stale"> (made on an earlier text)</span>}
                        {c.proposal.justification && <div className="small muted">Justification: {c.proposal.justification}</div>}
                        <div className="comp-actions">
                          <button type="button" disabled={!!busy} onClick={() => decide(c, 'accept')} aria-label={`Accept ${c.heading}`}>
                            Accept
                          </button>
                          <button type="button" disabled={!!busy} onClick={() => decide(c, 'reject')} aria-label={`Reject ${c.heading}`}>
                            Reject
                          </button>
                        </div>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
        </ol>
      </div>
    </div>
  );
}
