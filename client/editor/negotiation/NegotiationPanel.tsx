/**
 * The side bar's negotiation section: the summary ("12 agreed · 3 ad ref ·
 * 8 pending · 2 bracketed"), the filter "Show only what is not yet agreed",
 * the status menu, and the comments panel.
 */
import type { Editor } from '@tiptap/core';
import type { EditingSession } from '../session';
import { CommentsPanel } from './CommentsPanel';
import { StatusMenu } from './StatusMenu';
import { negotiationOf } from './store';
import { useNegotiationView } from './useNegotiation';

export function NegotiationPanel({ session, editor }: { session: EditingSession; editor: Editor | null }) {
  const store = negotiationOf(session);
  const view = useNegotiationView(store);
  const s = view.summary;
  return (
    <>
      <section className="negotiation" aria-label="Negotiation status">
        <h2>Status</h2>
        {s ? (
          <p className="neg-summary" data-testid="neg-summary">
            <span className="neg-count neg-agreed">{s.agreed} agreed</span> · <span className="neg-count neg-ad-ref">{s.adRef} ad ref</span> ·{' '}
            <span className="neg-count neg-pending">{s.pending} pending</span> · <span className="neg-count neg-bracketed">{s.bracketed} bracketed</span>
          </p>
        ) : (
          <p className="muted small">Counting…</p>
        )}
        <label className="inline small">
          <input type="checkbox" checked={view.onlyNotAgreed} onChange={(e) => store.setFilter(e.target.checked)} /> Show only what is not yet agreed
        </label>
        {view.onlyNotAgreed && s && s.agreed > 0 && (
          <p className="muted small" role="status">
            {s.agreed} agreed paragraph{s.agreed === 1 ? '' : 's'} hidden.
          </p>
        )}
        {view.onlyNotAgreed && view.hiddenEditRefused && (
          <p className="error small" role="alert">
            That change would have touched hidden (agreed) paragraphs, so it was not made. Show everything to change them.
          </p>
        )}
        <p className="muted small">
          {store.canSetStatus
            ? 'Set a paragraph’s status from its margin, or at the caret: Alt-1 agreed, Alt-2 ad ref, Alt-3 pending. Editing an agreed paragraph sets it back to pending.'
            : 'The facilitator sets each paragraph’s status. Editing an agreed paragraph sets it back to pending. Bracketed text is not agreed.'}
        </p>
      </section>
      <StatusMenu store={store} view={view} editor={editor} />
      <CommentsPanel store={store} view={view} editor={editor} />
    </>
  );
}
