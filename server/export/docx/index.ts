/**
 * Word documents in UN layout, built with the `docx` library:
 * resolutionToDocx (an issued text or any version, optionally with the
 * changes since another marked) and compilationToDocx (the facilitator's
 * compilation of proposals).
 */
import { Document, Packer, type Paragraph, type Table } from 'docx';
import type { Layout } from '../layout';
import { bodyBlocks, footnoteContents } from './body';
import { compilationBlocks, compilationLayout, type Compilation } from './compilation';
import { mastheadBlocks } from './masthead';
import { A4, BODY_SIZE, FONT, LINE, MARGINS } from './style';

export type { Compilation, CompilationEntry, CompilationProposal } from './compilation';

function wordDocument(title: string, children: Array<Paragraph | Table>, footnotes: Record<number, { children: Paragraph[] }> = {}): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: 'Penholder',
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE }, paragraph: { spacing: { line: LINE } } } } },
    footnotes,
    sections: [{ properties: { page: { size: { width: A4.width, height: A4.height }, margin: MARGINS } }, children }],
  });
  return Packer.toBuffer(doc);
}

export function resolutionToDocx(layout: Layout): Promise<Buffer> {
  return wordDocument(layout.masthead.symbol || 'Draft resolution', [...mastheadBlocks(layout), ...bodyBlocks(layout)], footnoteContents(layout));
}

export function compilationToDocx(compilation: Compilation): Promise<Buffer> {
  return wordDocument(`Compilation: ${compilation.masthead.symbol}`, [...mastheadBlocks(compilationLayout(compilation)), ...compilationBlocks(compilation)]);
}
