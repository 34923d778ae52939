/**
 * The resolution under the masthead: the sponsors line, the bold title,
 * the authority line, preambular paragraphs (first line indented, italic
 * opening phrase), operative paragraphs numbered "1." with their italic
 * verb, and lettered subparagraphs with hanging markers.
 */
import { AlignmentType, Paragraph, TabStopType } from 'docx';
import type { LaidParagraph, Layout } from '../layout';
import { text, wordRuns } from './runs';
import { BODY_INDENT, FIRST_LINE, LINE, SUB_STEP } from './style';

const spacing = { line: LINE, after: 120 };

function operative(p: LaidParagraph): Paragraph {
  const strike = p.deleted;
  if (p.kind === 'subparagraph') {
    // The marker hangs where the operative paragraph's text starts, one step further in per level.
    const left = BODY_INDENT + FIRST_LINE + (p.level + 1) * SUB_STEP;
    return new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      spacing,
      indent: { left, hanging: SUB_STEP },
      tabStops: [{ type: TabStopType.LEFT, position: left }],
      children: [text(`${p.marker}\t`, { strike }), ...wordRuns(p.runs, { strike })],
    });
  }
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing,
    indent: { left: BODY_INDENT, firstLine: FIRST_LINE },
    tabStops: [{ type: TabStopType.LEFT, position: BODY_INDENT + FIRST_LINE + SUB_STEP }],
    children: [...(p.marker ? [text(`${p.marker}\t`, { strike })] : []), ...wordRuns(p.runs, { strike })],
  });
}

export function bodyBlocks(layout: Layout): Paragraph[] {
  const out: Paragraph[] = [];
  out.push(new Paragraph({ spacing, indent: { left: BODY_INDENT }, children: [text(layout.sponsorsLine)] }));
  if (layout.title.length) {
    out.push(new Paragraph({ spacing: { line: LINE, before: 240, after: 240 }, indent: { left: BODY_INDENT, right: BODY_INDENT }, children: wordRuns(layout.title, { bold: true }) }));
  }
  if (layout.authority.length) out.push(new Paragraph({ spacing, indent: { left: BODY_INDENT, firstLine: FIRST_LINE }, children: wordRuns(layout.authority) }));
  for (const p of layout.preamble) {
    out.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing, indent: { left: BODY_INDENT, firstLine: FIRST_LINE }, children: wordRuns(p.runs, { strike: p.deleted }) }));
  }
  for (const p of layout.operative) out.push(operative(p));
  return out;
}

/** Footnotes by number, as the Document constructor takes them. */
export function footnoteContents(layout: Layout): Record<number, { children: Paragraph[] }> {
  const notes: Record<number, { children: Paragraph[] }> = {};
  for (const f of layout.footnotes) notes[f.number] = { children: [new Paragraph({ children: wordRuns(f.runs, { strike: f.deleted }) })] };
  return notes;
}
