/** A word-level diff: inserted words underlined, deleted words struck through. */
import type { DiffPart } from './store';

export function DiffText({ diff }: { diff: DiffPart[] }) {
  return (
    <span className="diff">
      {diff.map((part, i) =>
        part.op === 'equal' ? (
          <span key={i}>{part.text}</span>
        ) : part.op === 'insert' ? (
          <ins key={i}>{part.text}</ins>
        ) : (
          <del key={i}>{part.text}</del>
        ),
      )}
    </span>
  );
}
