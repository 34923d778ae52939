/**
 * The proposal being written, above the text: prefilled with the paragraph
 * (and the keystroke that opened it), a live word diff, an optional
 * justification. Ctrl-Enter submits, Esc cancels.
 */
import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { Editor } from '@tiptap/react';
import { wordDiff } from '../../../shared/proposals/diff';
import { delegationColor } from '../../app/identity';
import { DiffText } from '../suggestions/DiffText';
import type { EditingSession } from '../session';
import { draftProblem, proposalFromDraft, type Draft } from './draft';
import { modelOf } from './extension';
import { flatParagraphs } from '../../../shared/proposals/labels';
import type { ProposalsStore } from './store';

const TITLES: Record<Draft['kind'], string> = {
  text: 'New wording of',
  alternative: 'Alternative version of',
  delete: 'Deletion of',
  new: 'New paragraph',
  move: 'Move',
};

export function DraftBox({ store, session, editor }: { store: ProposalsStore; session: EditingSession; editor: Editor | null }) {
  const view = useSyncExternalStore(
    (cb) => store.subscribe(cb),
    () => store.current,
  );
  const draft = view.draft;
  if (!draft) return null;
  // A new key per draft resets the form.
  return <DraftForm key={`${draft.kind}:${draft.paragraph}:${draft.base}`} draft={draft} store={store} session={session} editor={editor} />;
}

function DraftForm({ draft, store, session, editor }: { draft: Draft; store: ProposalsStore; session: EditingSession; editor: Editor | null }) {
  const [text, setText] = useState(draft.text);
  const [kind, setKind] = useState(draft.kind);
  const [justification, setJustification] = useState('');
  const [after, setAfter] = useState<string | null | undefined>(draft.after);
  const [tried, setTried] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const first = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const el = box.current;
    if (el) {
      el.focus();
      const caret = draft.caret ?? el.value.length;
      el.setSelectionRange(caret, caret);
    } else first.current?.focus();
  }, [draft]);

  const current: Draft = { ...draft, kind, text, after };
  const problem = draftProblem(current);
  const cancel = () => {
    store.closeDraft();
    editor?.commands.focus();
  };
  const submit = () => {
    setTried(true);
    if (problem) return;
    store.submit(proposalFromDraft(current, session.identity, justification));
    editor?.commands.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };
  const model = editor ? modelOf(editor.state.doc) : null;
  // Where a paragraph can move: after another top-level paragraph of its own part.
  const section = model ? flatParagraphs(model).filter((p) => p.section === draft.section && p.unit === p.id && p.id !== draft.paragraph) : [];
  const color = delegationColor(session.identity.delegation);

  return (
    <section className="proposal-draft" role="dialog" aria-label="Your proposal" onKeyDown={onKeyDown} style={{ ['--proposal-color' as string]: color }}>
      <h2>
        {TITLES[kind]} {kind === 'new' ? `(${draft.label})` : draft.label} <span className="muted small">— {session.identity.delegation}</span>
      </h2>
      {(kind === 'text' || kind === 'alternative') && (
        <div className="draft-kinds" role="radiogroup" aria-label="Kind of proposal">
          <label className="inline">
            <input type="radio" checked={kind === 'text'} onChange={() => setKind('text')} /> change of words
          </label>
          <label className="inline">
            <input type="radio" checked={kind === 'alternative'} onChange={() => setKind('alternative')} /> alternative version ("alt")
          </label>
        </div>
      )}
      {(kind === 'text' || kind === 'alternative' || kind === 'new') && (
        <>
          <textarea ref={box} aria-label="Proposed text" value={text} rows={4} onChange={(e) => setText(e.target.value)} />
          {kind === 'text' && (
            <p className="draft-diff" aria-label="Your changes">
              <DiffText diff={wordDiff(draft.base, text)} />
            </p>
          )}
        </>
      )}
      {kind === 'delete' && <p className="draft-delete">{draft.base}</p>}
      {kind === 'move' && (
        <label>
          Move {draft.label} after{' '}
          <select ref={(el) => void (first.current = el)} value={after === undefined ? '' : (after ?? '__start')} onChange={(e) => setAfter(e.target.value === '__start' ? null : e.target.value || undefined)}>
            <option value="">choose…</option>
            <option value="__start">the start of the {draft.section === 'operative' ? 'operative part' : 'preamble'}</option>
            {section.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}: {p.text.slice(0, 60)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="draft-justification">
        Justification (optional)
        <input ref={(el) => void (kind === 'delete' && (first.current = el))} value={justification} maxLength={1000} onChange={(e) => setJustification(e.target.value)} placeholder="e.g. agreed language from resolution 77/1" />
      </label>
      {tried && problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <div className="draft-actions">
        <button type="button" className="primary" onClick={submit} title="Ctrl-Enter">
          Submit proposal
        </button>
        <button type="button" onClick={cancel} title="Esc">
          Cancel
        </button>
        <span className="muted small">Ctrl-Enter submits · Esc cancels</span>
      </div>
    </section>
  );
}
