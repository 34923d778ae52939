/**
 * The proposals panel: the document's mode (shown to everyone; the
 * facilitator and the secretariat switch it), the Propose commands for the
 * paragraph at the caret, your delegation's proposals with their status (and
 * Withdraw), and the way to the compilation view.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/react';
import { proposalLabels } from '../../../shared/proposals/labels';
import type { Proposal } from '../../../shared/proposals/types';
import { selectionBlock } from '../structure';
import { NODE } from '../../../shared/editor/schema';
import type { EditingSession } from '../session';
import { CompilationView } from './CompilationView';
import type { Draft } from './draft';
import { modelOf } from './extension';
import { labelMap } from '../../../shared/model/labels';
import { decides, type ProposalsStore } from './store';

const STATE_TEXT: Record<Proposal['state'], string> = { pending: 'pending', accepted: 'accepted', rejected: 'rejected', withdrawn: 'withdrawn' };

/** The paragraph at the caret, as a draft's starting point (null outside the preamble and operative part). */
function caretParagraph(editor: Editor): Omit<Draft, 'kind'> | null {
  const block = selectionBlock(editor.state);
  if (!block || block.parentPos < 0) return null;
  const section = block.parent.type.name;
  if (section !== 'preamble' && section !== 'operative') return null;
  const id = block.node.attrs.id as string | null;
  if (!id) return null;
  const model = modelOf(editor.state.doc);
  const label = (model && labelMap(model).get(id)) || 'the paragraph';
  return { paragraph: id, label, section, base: block.node.textContent, text: block.node.textContent };
}

export function ProposalsPanel({ store, session, editor }: { store: ProposalsStore; session: EditingSession; editor: Editor | null }) {
  const view = useSyncExternalStore(
    (cb) => store.subscribe(cb),
    () => store.current,
  );
  const [compilation, setCompilation] = useState(false);
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!editor) return;
    const bump = () => setTick((t) => t + 1);
    editor.on('selectionUpdate', bump);
    editor.on('update', bump);
    return () => {
      editor.off('selectionUpdate', bump);
      editor.off('update', bump);
    };
  }, [editor]);
  const identity = session.identity;
  const decider = decides(identity.role);
  const proposing = store.proposing();
  const pending = view.proposals.filter((p) => p.state === 'pending');
  const mine = view.proposals.filter((p) => p.delegation === identity.delegation);
  const labels = useMemo(() => {
    const model = editor ? modelOf(editor.state.doc) : null;
    return model ? proposalLabels(model, view.proposals) : new Map<string, string>();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, view.proposals, editor?.state.doc]);
  const at = editor && proposing ? caretParagraph(editor) : null;
  const subparagraph = !!editor && selectionBlock(editor.state)?.node.type.name === NODE.subparagraph;
  const open = (kind: Draft['kind']) => {
    if (!at) return;
    if (kind === 'new') store.openDraft({ ...at, kind, label: `new paragraph after ${at.label}`, base: '', text: '' });
    else if (kind === 'move') store.openDraft({ ...at, kind, after: undefined });
    else store.openDraft({ ...at, kind });
  };

  return (
    <section className="proposals-panel" aria-label="Proposals">
      <h2>Proposals</h2>
      <p className={`mode mode-${view.mode}`} role="status" data-mode={view.mode}>
        {view.mode === 'proposal' ? 'Proposal mode: delegations’ changes become proposals' : 'Editing mode: delegations edit the text directly'}
      </p>
      {view.refused && (
        <div className="error" role="alert">
          The server did not accept your last change: {view.refused}.{' '}
          {proposing && (
            <>
              If you wrote it offline before the document went into proposal mode, it can become your proposals.{' '}
              <button type="button" onClick={() => void store.keepAsProposals()}>
                Submit my unsent changes as proposals
              </button>{' '}
            </>
          )}
          <button type="button" onClick={() => store.reload()}>
            {proposing ? 'Discard them and reload' : 'Reload the document'}
          </button>
        </div>
      )}
      {view.kept && (
        <div className="notice" role="status">
          {view.kept.proposals.length === 1 ? 'One change' : `${view.kept.proposals.length} changes`} you made offline {view.kept.proposals.length === 1 ? 'was' : 'were'} submitted as{' '}
          {view.kept.proposals.length === 1 ? 'a proposal' : 'proposals'}.
          {view.kept.notCarried.length > 0 && <> Not carried over (make them again): {view.kept.notCarried.join(', ')}.</>}{' '}
          <button type="button" onClick={() => store.dismissKept()}>
            OK
          </button>
        </div>
      )}
      {decider && (
        <div className="proposal-actions">
          <button type="button" onClick={() => store.setMode(view.mode === 'proposal' ? 'editing' : 'proposal')}>
            {view.mode === 'proposal' ? 'Switch to editing mode' : 'Switch to proposal mode'}
          </button>
          <button type="button" onClick={() => setCompilation(true)}>
            Compilation ({pending.length} pending)
          </button>
        </div>
      )}
      {proposing && (
        <div className="proposal-actions" role="group" aria-label="Propose">
          <p className="small muted">{at ? `For ${at.label} (or just type in it):` : 'Put the caret in a paragraph to propose a change to it.'}</p>
          {(['text', 'alternative', 'new', 'delete', 'move'] as const).map((kind) => (
            <button key={kind} type="button" disabled={!at || (kind === 'move' && subparagraph)} title={kind === 'move' && subparagraph ? 'A subparagraph moves with its operative paragraph' : undefined} onClick={() => open(kind)}>
              {{ text: 'Propose new wording', alternative: 'Propose alternative', new: 'Propose new paragraph after', delete: 'Propose deletion', move: 'Propose move' }[kind]}
            </button>
          ))}
        </div>
      )}
      {!decider && mine.length > 0 && (
        <>
          <h3 className="small">Proposals of {identity.delegation}</h3>
          <ul className="my-proposals">
            {mine.map((p) => (
              <li key={p.id} data-proposal={p.id} data-state={p.state}>
                <strong>{labels.get(p.id) ?? ''}</strong> <span className="kind">{p.kind}</span> <span className={`state state-${p.state}`}>{STATE_TEXT[p.state]}</span>
                {p.decision && <span className="muted small"> by {p.decision.delegation ?? p.decision.role}</span>}
                {p.text && <span className="snippet">{p.text.slice(0, 120)}</span>}
                {p.state === 'pending' && (
                  <button type="button" className="small" onClick={() => store.withdraw(p)}>
                    Withdraw
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {compilation && editor && <CompilationView store={store} session={session} editor={editor} onClose={() => setCompilation(false)} />}
    </section>
  );
}
