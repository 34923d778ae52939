/** The popup under the caret: agreed-language suggestions or citation completions. */
import { useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/core';
import { DiffText } from './DiffText';
import type { SuggestionsStore } from './store';

export function SuggestionsPopup({ store, editor }: { store: SuggestionsStore; editor: Editor }) {
  const state = useSyncExternalStore(
    (cb) => store.subscribe(cb),
    () => store.state,
  );
  if (state.kind === 'none' || !state.items.length) return null;
  // Keep the caret in the editor: choosing with the mouse must not blur it.
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <div className="suggestions" role="listbox" aria-label={state.kind === 'citation' ? 'Citation completions' : 'Agreed language'} style={{ left: state.at.left, top: state.at.top }} onMouseDown={keep}>
      <div className="suggestions-head muted">
        {state.kind === 'citation' ? 'Cited acts' : 'Agreed language'} · Tab to insert · Alt-[ / Alt-] to choose · Esc to close
      </div>
      {state.kind === 'citation'
        ? state.items.map((c, i) => (
            <div key={c.text} role="option" aria-selected={i === state.selected} className="suggestion" onClick={() => store.accept(editor, i)} title={c.act.source}>
              <span>{c.text}</span>
            </div>
          ))
        : state.items.map((s, i) => (
            <div key={`${s.source.citation}`} role="option" aria-selected={i === state.selected} className="suggestion" onClick={() => store.accept(editor, i)}>
              <div className="suggestion-source">
                {s.source.citation} <span className="muted">· match {Math.round(s.score * 100)}%</span>
              </div>
              <DiffText diff={s.diff} />
            </div>
          ))}
    </div>
  );
}
