/**
 * Labels of paragraphs and of pending proposals. Proposals are not in the
 * text, so existing numbers never shift while they are pending; a proposed
 * new paragraph after OP4 is "4 bis" (then "4 ter", "4 quater" …, in the
 * order they were proposed), an alternative of OP5 is "OP5 alt". Pure.
 */
import { paragraphLabels } from '../model/labels';
import { plainText } from '../model/text';
import type { ParagraphId, Resolution, Subparagraph } from '../model/types';
import type { Proposal, ProposalSection } from './types';

const LATIN = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'];

/** 0 → bis, 1 → ter … (the UN's insertion numbering). */
export const latinOrdinal = (index: number) => LATIN[index] ?? `${index + 2}`;

/** A paragraph of the text in document order, with what labels and the compilation need. */
export interface FlatParagraph {
  id: ParagraphId;
  label: string;
  section: ProposalSection;
  text: string;
  /** The top-level paragraph (PP or OP) this one belongs to: itself, or the OP of a subparagraph. */
  unit: ParagraphId;
}

export function flatParagraphs(resolution: Resolution): FlatParagraph[] {
  const labels = new Map(paragraphLabels(resolution).map((l) => [l.id, l.label]));
  const out: FlatParagraph[] = [];
  for (const p of resolution.preamble) out.push({ id: p.id, label: labels.get(p.id)!, section: 'preamble', text: plainText(p.content), unit: p.id });
  const subs = (list: Subparagraph[], unit: string) => {
    for (const s of list) {
      out.push({ id: s.id, label: labels.get(s.id)!, section: 'operative', text: plainText(s.content), unit });
      subs(s.subparagraphs, unit);
    }
  };
  for (const p of resolution.operative) {
    out.push({ id: p.id, label: labels.get(p.id)!, section: 'operative', text: plainText(p.content), unit: p.id });
    subs(p.subparagraphs, p.id);
  }
  return out;
}

/** "OP4" → "4", "PP3" → "PP3": operative insertions are printed as "4 bis", preambular ones as "PP3 bis". */
const insertionStem = (label: string) => (/^OP\d+$/.test(label) ? label.slice(2) : label);

/**
 * Labels of the given proposals (only pending ones are numbered among each
 * other; decided ones keep the label they would have had). Map: proposal id → label.
 */
export function proposalLabels(resolution: Resolution, proposals: readonly Proposal[]): Map<string, string> {
  const paragraphs = new Map(flatParagraphs(resolution).map((p) => [p.id, p]));
  const labelOf = (id: string | null) => (id ? paragraphs.get(id)?.label : undefined);
  const out = new Map<string, string>();
  const newCount = new Map<string, number>();
  const altCount = new Map<string, number>();
  const ordered = [...proposals].sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
  for (const p of ordered) {
    if (p.kind === 'new') {
      const after = p.after!;
      const anchor = after.paragraph ? paragraphs.get(after.paragraph) : undefined;
      // A new operative paragraph after a subparagraph still follows its OP: "4 bis".
      const stem = anchor ? insertionStem(labelOf(anchor.section === 'operative' ? anchor.unit : anchor.id)!) : null;
      const key = `${after.section}:${stem ?? ''}`;
      const n = newCount.get(key) ?? 0;
      newCount.set(key, n + 1);
      if (stem) out.set(p.id, `${stem} ${latinOrdinal(n)}`);
      else if (after.paragraph) out.set(p.id, `new ${after.section === 'operative' ? 'OP' : 'PP'} (after a deleted paragraph)`);
      else out.set(p.id, `new first ${after.section === 'operative' ? 'OP' : 'PP'}${n ? ` ${latinOrdinal(n - 1)}` : ''}`);
      continue;
    }
    const target = labelOf(p.paragraph) ?? 'deleted paragraph';
    if (p.kind === 'alternative') {
      const n = altCount.get(target) ?? 0;
      altCount.set(target, n + 1);
      out.set(p.id, `${target} alt${n ? ` ${n + 1}` : ''}`);
    } else out.set(p.id, target);
  }
  return out;
}
