/**
 * A paragraph's plain text in the Y.Doc and minimal edits to it. A paragraph
 * element holds Y.XmlText runs (with formatting) and footnote references
 * (Y.XmlElements, no text); offsets are in the plain text, as the model's
 * plainText gives it. Editing only the changed words keeps the formatting,
 * the footnote references and the attribution of everything else.
 */
import * as Y from 'yjs';
import type { Hunk } from '../../shared/proposals/diff';

function textOf(t: Y.XmlText): string {
  let out = '';
  for (const op of t.toDelta() as Array<{ insert: unknown }>) if (typeof op.insert === 'string') out += op.insert;
  return out;
}

export function paragraphText(el: Y.XmlElement): string {
  let out = '';
  for (const child of el.toArray()) if (child instanceof Y.XmlText) out += textOf(child);
  return out;
}

/** Applies hunks (offsets of the current plain text, in order, not overlapping) to the paragraph. */
export function editParagraph(el: Y.XmlElement, edits: Hunk[]): void {
  for (const edit of [...edits].sort((a, b) => b.from - a.from)) {
    const runs: Array<{ text: Y.XmlText; start: number; end: number }> = [];
    let pos = 0;
    for (const child of el.toArray()) {
      if (!(child instanceof Y.XmlText)) continue;
      const len = textOf(child).length;
      runs.push({ text: child, start: pos, end: pos + len });
      pos += len;
    }
    // Delete back to front within each run the range touches.
    for (const run of [...runs].reverse()) {
      const from = Math.max(edit.from, run.start);
      const to = Math.min(edit.to, run.end);
      if (from < to) run.text.delete(from - run.start, to - from);
    }
    if (!edit.text) continue;
    // Insert into the run that holds the character before (it carries its formatting on), else the first run.
    const run = runs.find((r) => r.start < edit.from && edit.from <= r.end) ?? runs.find((r) => r.start === edit.from) ?? runs[0];
    if (run) run.text.insert(edit.from - run.start, edit.text);
    else el.insert(0, [new Y.XmlText(edit.text)]);
  }
}
