/** Layout runs → Word runs: italics, bold insertions, struck deletions, footnote references. */
import { FootnoteReferenceRun, TextRun, type ParagraphChild } from 'docx';
import type { Run } from '../layout';
import { BODY_SIZE, FONT } from './style';

export function wordRuns(runs: readonly Run[], base: { strike?: boolean; bold?: boolean } = {}): ParagraphChild[] {
  return runs.map((r) => {
    if (r.footnote !== undefined) return new FootnoteReferenceRun(r.footnote);
    return new TextRun({
      text: r.text,
      font: FONT,
      size: BODY_SIZE,
      italics: r.italic || undefined,
      bold: r.bold || base.bold || undefined,
      strike: r.strike || base.strike || undefined,
    });
  });
}

export const text = (value: string, options: { bold?: boolean; italic?: boolean; size?: number; strike?: boolean } = {}) =>
  new TextRun({ text: value, font: FONT, size: options.size ?? BODY_SIZE, bold: options.bold, italics: options.italic, strike: options.strike });
