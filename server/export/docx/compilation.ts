/**
 * The compilation text as Word: every paragraph of the draft followed by
 * the pending proposals on it, each labelled with its delegation
 * ("OP5 (Mexico): …", "OP5 alt (European Union): …", "OP7 (United States:
 * delete)"), justifications in italics. The structure is plain data so that
 * whoever builds the compilation (shared/, from the proposals) can hand it over.
 */
import { Paragraph } from 'docx';
import type { Masthead } from '../../../shared/model/types';
import { layoutOf } from '../layout';
import { text } from './runs';
import { BODY_INDENT, FIRST_LINE, LINE } from './style';

export interface CompilationProposal {
  /** "OP5", "OP5 alt", "OP4 bis" */
  label: string;
  delegation: string;
  /** "insert" | "delete" | "replace" | "alternative" | "new" | "move" … ("delete" prints "(X: delete)"). */
  kind: string;
  text?: string;
  justification?: string;
}

export interface CompilationEntry {
  /** "PP2", "OP5" */
  label: string;
  text: string;
  proposals: CompilationProposal[];
}

export interface Compilation {
  masthead: Masthead;
  title: string;
  entries: CompilationEntry[];
}

const spacing = { line: LINE, after: 120 };

/** "OP5 (Mexico): text" / "OP7 (United States: delete)". */
export function proposalLine(p: CompilationProposal): string {
  if (p.kind === 'delete') return `${p.label} (${p.delegation}: delete)`;
  return `${p.label} (${p.delegation}): ${p.text ?? ''}`;
}

export function compilationBlocks(c: Compilation): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({ spacing, indent: { left: BODY_INDENT }, children: [text('Compilation of proposals', { bold: true })] }),
    new Paragraph({ spacing: { line: LINE, after: 240 }, indent: { left: BODY_INDENT }, children: [text(c.title, { bold: true })] }),
  ];
  for (const e of c.entries) {
    out.push(new Paragraph({ spacing, indent: { left: BODY_INDENT }, children: [text(`${e.label}  `, { bold: true }), text(e.text)] }));
    for (const p of e.proposals) {
      const line = proposalLine(p);
      const head = line.indexOf(')') + 1;
      out.push(new Paragraph({ spacing, indent: { left: BODY_INDENT + FIRST_LINE }, children: [text(line.slice(0, head), { bold: true }), text(line.slice(head))] }));
      if (p.justification) out.push(new Paragraph({ spacing, indent: { left: BODY_INDENT + 2 * FIRST_LINE }, children: [text(p.justification, { italic: true })] }));
    }
  }
  return out;
}

/** The masthead layout of a compilation (no paragraphs of its own). */
export const compilationLayout = (c: Compilation) => layoutOf(c.masthead, { paragraphs: [], summary: { added: 0, deleted: 0, moved: 0, changed: 0 } }, false);
