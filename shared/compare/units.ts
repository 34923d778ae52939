/**
 * A resolution as the list of units a comparison aligns: the title, the
 * authority line, every paragraph (subparagraphs flattened in reading order)
 * and the footnotes, each with its stable id, derived label and marker, and
 * its text. A footnote reference counts as one character (FOOTNOTE_MARK) so
 * that offsets agree with the document's items and references survive a diff.
 */
import { paragraphLabels } from '../model/labels';
import type { Inline, Resolution, Subparagraph } from '../model/types';

/** Stands for a footnote reference inside a unit's text. */
export const FOOTNOTE_MARK = '\uFFFC';

export type UnitKind = 'title' | 'authority' | 'preambular' | 'operative' | 'subparagraph' | 'footnote';

export interface Unit {
  /** The paragraph's stable id; "title" and "authority" for those two lines. */
  id: string;
  kind: UnitKind;
  /** "PP3", "OP2(a)", "Title", "Footnote 1". */
  label: string;
  /** What is printed before the text: "2.", "(a)", or "". */
  marker: string;
  /** Subparagraph depth (1 = (a), 2 = (i)); 0 otherwise. */
  level: number;
  /** The text, footnote references as FOOTNOTE_MARK. */
  text: string;
  /** The footnote ids referenced, in order of their marks. */
  footnoteRefs: string[];
}

export const TITLE_ID = 'title';
export const AUTHORITY_ID = 'authority';

function inlineText(content: readonly Inline[]): { text: string; refs: string[] } {
  let text = '';
  const refs: string[] = [];
  for (const n of content) {
    if (n.type === 'text') text += n.text;
    else {
      text += FOOTNOTE_MARK;
      refs.push(n.footnoteId);
    }
  }
  return { text, refs };
}

export function unitsOf(res: Resolution): Unit[] {
  const labels = new Map(paragraphLabels(res).map((l) => [l.id, l]));
  const out: Unit[] = [];
  const push = (id: string, kind: UnitKind, content: readonly Inline[], level = 0, label?: string) => {
    const l = labels.get(id);
    const { text, refs } = inlineText(content);
    out.push({ id, kind, label: label ?? l?.label ?? id, marker: l?.marker ?? '', level, text, footnoteRefs: refs });
  };
  push(TITLE_ID, 'title', res.title, 0, 'Title');
  push(AUTHORITY_ID, 'authority', res.authority ? [{ type: 'text', text: res.authority }] : [], 0, 'Authority');
  for (const p of res.preamble) push(p.id, 'preambular', p.content);
  const subs = (list: Subparagraph[], level: number) => {
    for (const s of list) {
      push(s.id, 'subparagraph', s.content, level);
      subs(s.subparagraphs, level + 1);
    }
  };
  for (const op of res.operative) {
    push(op.id, 'operative', op.content);
    subs(op.subparagraphs, 1);
  }
  // Footnotes are numbered by first reference in the text.
  const order = new Map<string, number>();
  for (const u of out) for (const f of u.footnoteRefs) if (!order.has(f)) order.set(f, order.size + 1);
  for (const f of res.footnotes) if (!order.has(f.id)) order.set(f.id, order.size + 1);
  const notes = [...res.footnotes].sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  for (const f of notes) push(f.id, 'footnote', f.content, 0, `Footnote ${order.get(f.id)}`);
  return out;
}
