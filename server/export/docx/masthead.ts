/**
 * The masthead of a UN document: "United Nations" and the symbol on the top
 * line over a rule, the body (bold) beside "Distr.: Limited", the date and
 * the original language, then the session, place and agenda item.
 */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, WidthType, type ParagraphChild } from 'docx';
import type { Layout } from '../layout';
import { text } from './runs';
import { A4, LINE, MARGINS } from './style';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const WIDTH = A4.width - MARGINS.left - MARGINS.right;

const line = (children: ParagraphChild[], alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT, after = 0) =>
  new Paragraph({ children, alignment, spacing: { line: LINE, after } });

export function mastheadBlocks(layout: Layout): Array<Paragraph | Table> {
  const m = layout.masthead;
  const top = new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: [WIDTH / 2, WIDTH / 2],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ borders: NO_BORDERS, children: [line([text('United Nations', { bold: true, size: 28 })])] }),
          new TableCell({ borders: NO_BORDERS, children: [line([text(m.symbol, { bold: true, size: 28 })], AlignmentType.RIGHT)] }),
        ],
      }),
    ],
  });
  const right = [`Distr.: ${m.distribution || 'Limited'}`, layout.date, `Original: ${m.originalLanguage || 'English'}`].filter(Boolean);
  const bodyRow = new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: [Math.round(WIDTH * 0.62), Math.round(WIDTH * 0.38)],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ borders: NO_BORDERS, children: [line([text(m.body, { bold: true, size: 28 })], AlignmentType.LEFT, 120)] }),
          new TableCell({ borders: NO_BORDERS, children: right.map((t) => line([text(t)])) }),
        ],
      }),
    ],
  });
  const session = [m.session, m.place, m.agendaItem].filter(Boolean).map((t, i) => line([text(t, { bold: i === 0 })]));
  const rule = new Paragraph({ spacing: { line: LINE, after: 120 }, border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: '000000', space: 1 } }, children: [] });
  return [top, rule, bodyRow, line([]), ...session, line([])];
}
