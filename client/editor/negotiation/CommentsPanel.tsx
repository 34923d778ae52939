/**
 * Comments on paragraphs: threads per paragraph in document order, each
 * with its author (delegation, name) and time; add a comment on the
 * paragraph at the caret, reply, edit or delete your own, resolve and
 * reopen (facilitator, secretariat, the thread's author), jump to the
 * paragraph. Ctrl-Enter sends. Observers read only.
 */
import { useState } from 'react';
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import type { Thread } from '../../../shared/negotiation/threads';
import type { Comment } from '../../../shared/negotiation/types';
import { paragraphPos } from '../extensions/diagnostics';
import type { NegotiationStore, NegotiationView } from './store';
import { useCaretParagraphId } from './useNegotiation';

const time = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });

function Composer({ label, onSend, onCancel, initial = '', autoFocus = false }: { label: string; onSend: (text: string) => void; onCancel?: () => void; initial?: string; autoFocus?: boolean }) {
  const [text, setText] = useState(initial);
  const send = () => {
    if (!text.trim()) return;
    onSend(text);
    setText('');
  };
  return (
    <div className="neg-composer">
      <textarea
        aria-label={label}
        placeholder={label}
        value={text}
        rows={2}
        autoFocus={autoFocus}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            send();
          } else if (e.key === 'Escape' && onCancel) onCancel();
        }}
      />
      <button type="button" onClick={send} disabled={!text.trim()} title="Ctrl-Enter">
        {label.startsWith('Reply') ? 'Reply' : initial ? 'Save' : 'Comment'}
      </button>
      {onCancel && (
        <button type="button" className="link" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}

function CommentItem({ store, comment }: { store: NegotiationStore; comment: Comment }) {
  const [editing, setEditing] = useState(false);
  const own = store.isOwn(comment) && store.canComment;
  return (
    <li className="neg-comment" data-comment={comment.id}>
      <div className="small">
        <strong>{comment.delegation}</strong> · {comment.name} · <span className="muted">{time(comment.at)}{comment.edited ? ' (edited)' : ''}</span>
      </div>
      {editing ? (
        <Composer label="Edit your comment" initial={comment.text} autoFocus onCancel={() => setEditing(false)} onSend={(t) => (store.editComment(comment.id, t), setEditing(false))} />
      ) : (
        <p className="neg-comment-text">{comment.text}</p>
      )}
      {own && !editing && (
        <span className="small">
          <button type="button" className="link" onClick={() => setEditing(true)}>
            Edit
          </button>{' '}
          <button type="button" className="link" onClick={() => window.confirm('Delete your comment?') && store.deleteComment(comment.id)}>
            Delete
          </button>
        </span>
      )}
    </li>
  );
}

function ThreadView({ store, thread, label, onJump }: { store: NegotiationStore; thread: Thread; label: string; onJump: () => void }) {
  const [replying, setReplying] = useState(false);
  const { root } = thread;
  return (
    <div className={`neg-thread${thread.resolved ? ' neg-resolved' : ''}`} data-thread={root.id} data-paragraph={thread.paragraphId}>
      <button type="button" className="link neg-jump" onClick={onJump} title="Go to the paragraph">
        {label}
      </button>
      {thread.resolution && (
        <span className="small muted">
          {' '}
          · resolved by {thread.resolution.by.delegation} ({thread.resolution.by.name}), {time(thread.resolution.at)}
        </span>
      )}
      <ul className="neg-comments-list">
        {[root, ...thread.replies].map((c) => (
          <CommentItem key={c.id} store={store} comment={c} />
        ))}
      </ul>
      <div className="small neg-thread-actions">
        {store.canComment && !thread.resolved && !replying && (
          <button type="button" className="link" onClick={() => setReplying(true)}>
            Reply
          </button>
        )}{' '}
        {store.canComment && store.canResolve(root) && (
          <button type="button" className="link" onClick={() => store.resolve(root.id, !thread.resolved)}>
            {thread.resolved ? 'Reopen' : 'Resolve'}
          </button>
        )}
      </div>
      {replying && <Composer label={`Reply on ${label}`} autoFocus onCancel={() => setReplying(false)} onSend={(t) => (store.addComment(thread.paragraphId, t, root.id), setReplying(false))} />}
    </div>
  );
}

export function CommentsPanel({ store, view, editor }: { store: NegotiationStore; view: NegotiationView; editor: Editor | null }) {
  const caret = useCaretParagraphId(editor);
  const [showResolved, setShowResolved] = useState(false);
  const labels = new Map((view.summary?.paragraphs ?? []).map((p) => [p.id, p.label]));
  const order = [...labels.keys()];
  const all = [...view.threads.entries()].sort(([a], [b]) => (order.indexOf(a) + 1 || 1e9) - (order.indexOf(b) + 1 || 1e9));
  const open = all.reduce((n, [, ts]) => n + ts.filter((t) => !t.resolved).length, 0);
  const resolved = all.reduce((n, [, ts]) => n + ts.filter((t) => t.resolved).length, 0);
  const labelOf = (id: string) => labels.get(id) ?? 'a deleted paragraph';

  const jump = (paragraphId: string) => {
    if (!editor) return;
    if (view.onlyNotAgreed) store.setFilter(false); // the paragraph may be hidden
    const at = paragraphPos(editor.state.doc, paragraphId);
    if (!at) return;
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, at.pos + 1)).scrollIntoView());
    editor.view.focus();
  };

  return (
    <section className="comments" aria-label="Comments">
      <h2>
        Comments <span className="counts">{open} open · {resolved} resolved</span>
      </h2>
      {store.canComment &&
        (caret && labels.has(caret) ? (
          <Composer key={caret} label={`Comment on ${labelOf(caret)}`} onSend={(t) => store.addComment(caret, t)} />
        ) : (
          <p className="muted small">Put the caret in a paragraph to comment on it.</p>
        ))}
      {resolved > 0 && (
        <label className="inline small">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> Show resolved threads
        </label>
      )}
      {all.length === 0 && <p className="small muted">No comments yet.</p>}
      {all.flatMap(([paragraphId, threads]) =>
        threads
          .filter((t) => showResolved || !t.resolved)
          .map((t) => <ThreadView key={t.root.id} store={store} thread={t} label={labelOf(paragraphId)} onJump={() => jump(paragraphId)} />),
      )}
    </section>
  );
}
