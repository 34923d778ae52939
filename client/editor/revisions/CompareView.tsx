/**
 * A comparison of two versions: the changed paragraphs with their old and
 * new labels, the word diff (insertions underlined, deletions struck), moves
 * shown as moves, and who made each change.
 */
import { useState } from 'react';
import type { ComparedParagraph } from '../../../shared/compare/compare';
import { FOOTNOTE_MARK } from '../../../shared/compare/units';
import type { CompareResult } from './api';

const STATUS: Record<ComparedParagraph['status'], string> = { unchanged: 'unchanged', changed: 'changed', added: 'added', deleted: 'deleted', moved: 'moved' };

const show = (text: string) => text.replaceAll(FOOTNOTE_MARK, '⁽ⁿ⁾');
const byText = (by?: string[]) => (by && by.length ? by.join(', ') : 'unknown');

function labels(p: ComparedParagraph): string {
  if (p.status === 'added') return p.to!.label;
  if (p.status === 'deleted') return p.from!.label;
  return p.from!.label === p.to!.label ? p.to!.label : `${p.from!.label} → ${p.to!.label}`;
}

export function CompareView({ result }: { result: CompareResult }) {
  const [all, setAll] = useState(false);
  const shown = result.paragraphs.filter((p) => all || p.status !== 'unchanged');
  const { added, deleted, moved, changed } = result.summary;
  return (
    <div className="compare" aria-label={`Changes from ${result.from.label} to ${result.to.label}`}>
      <p className="small">
        <strong>{result.from.label}</strong> → <strong>{result.to.label}</strong>: {changed} changed, {added} added, {deleted} deleted, {moved} moved.
      </p>
      <label className="inline small">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Show unchanged paragraphs
      </label>
      {shown.length === 0 && <p className="muted small">No changes.</p>}
      <ol className="compare-list">
        {shown.map((p) => (
          <li key={`${p.status}:${p.id}`} className={`compare-item ${p.status}`} data-status={p.status} data-paragraph={p.id}>
            <div className="compare-head small">
              <strong>{labels(p)}</strong> <span className={`badge ${p.status}`}>{STATUS[p.status]}</span>
              {p.by && p.by.length > 0 && <span className="muted"> by {p.by.join(', ')}</span>}
            </div>
            <p className="compare-text">
              {p.parts.map((part, i) =>
                part.op === 'equal' ? (
                  <span key={i}>{show(part.text)}</span>
                ) : part.op === 'insert' ? (
                  <ins key={i} title={`Inserted by ${byText(part.by)}`} data-by={part.by?.join(',')}>
                    {show(part.text)}
                  </ins>
                ) : (
                  <del key={i} title={`Deleted by ${byText(part.by)}`} data-by={part.by?.join(',')}>
                    {show(part.text)}
                  </del>
                ),
              )}
            </p>
            {p.status !== 'unchanged' && p.parts.some((x) => x.op !== 'equal' && x.by?.length) && (
              <p className="compare-by muted small">
                {p.parts
                  .filter((x) => x.op !== 'equal' && x.by?.length)
                  .map((x) => `${x.op === 'insert' ? 'inserted' : 'deleted'} “${show(x.text.trim()).slice(0, 40)}” (${byText(x.by)})`)
                  .join('; ')}
              </p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
