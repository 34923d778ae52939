import type { Editor } from '@tiptap/react';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import type { Diagnostic } from '../../../shared/validation/types';
import type { DiagnosticsView } from '../diagnostics';
import { applyFix, jumpTo } from '../extensions/diagnostics';

const ICON = { error: '●', warning: '▲', info: 'ⓘ' } as const;

/** Every diagnostic, in document order, with jump-to and one-click fixes. */
export function DiagnosticsPanel({ view, editor }: { view: DiagnosticsView; editor: Editor | null }) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of view.diagnostics) counts[d.severity]++;
  const go = (d: Diagnostic) => {
    if (!editor) return;
    const tr = jumpTo(editor.state, d);
    if (tr) editor.view.dispatch(tr);
    editor.view.focus();
  };
  const fix = (d: Diagnostic) => {
    if (!editor || !d.fix) return;
    // A fix is its own undo step, never merged with the typing just before it.
    yUndoPluginKey.getState(editor.state)?.undoManager.stopCapturing();
    const tr = applyFix(editor.state, d, d.fix);
    if (tr) editor.view.dispatch(tr);
    editor.view.focus();
  };
  return (
    <section className="diagnostics" aria-label="Diagnostics">
      <h2>
        Checks <span className="counts">{counts.error} errors · {counts.warning} warnings · {counts.info} notes</span>
      </h2>
      <p className="small muted">{view.confirmed ? 'Confirmed by the server' : 'Checked in your browser; the server confirms shortly'}</p>
      {view.diagnostics.length === 0 && <p className="small">No problems found.</p>}
      <ul>
        {view.diagnostics.map((d, i) => (
          <li key={`${d.paragraphId}-${d.rule}-${d.range?.start ?? ''}-${i}`} className={`diag-item diag-item-${d.severity}`} data-rule={d.rule}>
            <button type="button" className="diag-jump" onClick={() => go(d)} title="Go to the text">
              <span className={`sev sev-${d.severity}`} aria-label={d.severity}>
                {ICON[d.severity]}
              </span>{' '}
              <strong>{d.label}</strong> <span className="rule">{d.rule}</span>
              <span className="message">{d.message}</span>
            </button>
            {d.fix && (
              <button type="button" className="diag-fix" onClick={() => fix(d)}>
                {d.fix.title}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
