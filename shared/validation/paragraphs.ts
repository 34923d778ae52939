/**
 * The resolution flattened into the paragraphs the rules look at, with the
 * context each rule needs (label, position, last one or not).
 */
import { paragraphLabels } from '../model/labels';
import { plainText } from '../model/text';
import type { ImportFacts, Inline, Resolution, Subparagraph } from '../model/types';

export type ParagraphKind = 'preambular' | 'operative' | 'subparagraph';

export interface Paragraph {
  id: string;
  label: string;
  kind: ParagraphKind;
  text: string;
  content: Inline[];
  imported?: ImportFacts;
  /** Index among paragraphs of its kind (PPs, OPs) or among its siblings (subparagraphs). */
  index: number;
  /** Subparagraph depth (1 = (a)); 0 otherwise. */
  level: number;
  hasSubparagraphs: boolean;
  /** The very last paragraph of the resolution: it ends with a period. */
  endsResolution: boolean;
  /** For subparagraphs: the last item of its list. */
  lastInList: boolean;
}

export function flattenParagraphs(res: Resolution): Paragraph[] {
  const labels = new Map(paragraphLabels(res).map((l) => [l.id, l.label]));
  const out: Paragraph[] = [];
  const label = (id: string, fallback: string) => labels.get(id) ?? fallback;
  res.preamble.forEach((p, i) =>
    out.push({ id: p.id, label: label(p.id, `PP${i + 1}`), kind: 'preambular', text: plainText(p.content), content: p.content, imported: p.imported, index: i, level: 0, hasSubparagraphs: false, endsResolution: false, lastInList: false }),
  );
  const pushSubs = (subs: Subparagraph[], level: number) =>
    subs.forEach((s, i) => {
      out.push({ id: s.id, label: label(s.id, ''), kind: 'subparagraph', text: plainText(s.content), content: s.content, imported: s.imported, index: i, level, hasSubparagraphs: s.subparagraphs.length > 0, endsResolution: false, lastInList: i === subs.length - 1 });
      pushSubs(s.subparagraphs, level + 1);
    });
  res.operative.forEach((p, i) => {
    out.push({ id: p.id, label: label(p.id, `OP${i + 1}`), kind: 'operative', text: plainText(p.content), content: p.content, imported: p.imported, index: i, level: 0, hasSubparagraphs: p.subparagraphs.length > 0, endsResolution: false, lastInList: false });
    pushSubs(p.subparagraphs, 1);
  });
  // The resolution ends at its last text block (the last item of the last OP's list, if any).
  const last = out.at(-1);
  if (last && last.kind !== 'preambular') last.endsResolution = true;
  return out;
}
