/**
 * Imports a document of numbered paragraphs under section headings: working-
 * group recommendations ("148. The Conference may wish to …") and chair's
 * summaries ("Discussion point 8" followed by its text).
 */
import type { NumberedDocument, NumberedParagraph, NumberedSection } from '../model/types';
import { bare, footnoteDefinition, isSeparator, looksFinished, splitBlocks, startsLowercase, type Block } from './blocks';
import { ImportError } from './errors';
import { FootnoteTable } from './footnotes';
import { idSources, type ImportOptions } from './ids';
import { parseInline } from './inline';

const NUMBERED = /^(\d+)\.\s+(.*)$/;
const DISCUSSION_POINT = /(?:#+\s*)?\*?Discussion point (\d+)\*?/g;

type Piece = { kind: 'heading'; text: string } | { kind: 'point'; number: string } | { kind: 'text'; text: string; line: number };

/** Splits run-together headings and "Discussion point N" markers out of a block. */
function pieces(block: Block): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  const text = block.text;
  const push = (segment: string) => {
    const s = segment.trim();
    if (!s) return;
    // "**C. Heading****1. Heading**" — bold runs between markers are headings.
    const bolds = s.match(/\*\*[^*]+\*\*/g);
    if (bolds && bolds.join('').replace(/\s/g, '') === s.replace(/\s/g, '')) bolds.forEach((b) => out.push({ kind: 'heading', text: bare(b) }));
    else out.push(isHeading(s) ? { kind: 'heading', text: bare(s) } : { kind: 'text', text: s, line: block.line });
  };
  for (const m of text.matchAll(DISCUSSION_POINT)) {
    push(text.slice(last, m.index));
    out.push({ kind: 'point', number: m[1] });
    last = m.index! + m[0].length;
  }
  push(text.slice(last));
  return out;
}

function isHeading(text: string): boolean {
  if (/^#/.test(text)) return true;
  if (/^\*\*[^*]+\*\*$/.test(text)) return true;
  const plain = bare(text);
  if (/^(?:[IVX]+|[A-H])\.\s+[A-Z]/.test(plain) && !/[.;,]$/.test(plain)) return true;
  return false;
}

function headingLevel(text: string): number {
  if (/^[IVX]+\.\s/.test(text)) return 1;
  if (/^[A-H]\.\s/.test(text)) return 2;
  if (/^\d+\.\s/.test(text)) return 3;
  return 4;
}

export function parseNumberedText(text: string, options: ImportOptions = {}): NumberedDocument {
  if (typeof text !== 'string' || !text.trim()) throw new ImportError('The text is empty.');
  const ids = idSources(options);
  const notes = new FootnoteTable(ids.footnote);
  const doc: NumberedDocument = { title: '', preface: '', sections: [], footnotes: [] };
  const preface: string[] = [];
  let section: NumberedSection | null = null;
  let current: { para: NumberedParagraph; raw: string } | null = null;
  let pendingPoint: string | null = null;
  const headings: string[] = [];
  // Nested headings ("II. General …" then "A. Recommendations …") form a path.
  const path: { level: number; text: string }[] = [];
  const enterHeading = (text: string) => {
    const level = headingLevel(text);
    while (path.length && path[path.length - 1].level >= level) path.pop();
    path.push({ level, text });
    const heading = path.map((h) => h.text).join(' — ');
    headings.push(heading);
    section = { heading, paragraphs: [] };
    doc.sections.push(section);
  };

  const finish = () => {
    if (current) current.para.content = parseInline(current.raw, notes.idFor).content;
    current = null;
  };
  const open = (number: string, raw: string, line: number) => {
    finish();
    if (!section) {
      section = { heading: headings.length ? headings[headings.length - 1] : '', paragraphs: [] };
      doc.sections.push(section);
    }
    current = { para: { id: ids.paragraph(), number, content: [], subparagraphs: [], imported: { line } }, raw };
    section.paragraphs.push(current.para);
  };

  for (const block of splitBlocks(text)) {
    if (isSeparator(block)) continue;
    if (footnoteDefinition(block)) {
      const def = footnoteDefinition(block)!;
      notes.define(def.label, def.text, block.line);
      continue;
    }
    for (const piece of pieces(block)) {
      if (piece.kind === 'heading') {
        const c = current as { para: NumberedParagraph; raw: string } | null;
        if (c && !looksFinished(c.raw) && !/^\d+\.|^[IVX]+\.|^[A-H]\./.test(piece.text)) {
          c.raw += ' ' + piece.text; // a page-break continuation that looked like a heading
          continue;
        }
        finish();
        if (!doc.title && !doc.sections.length) doc.title = piece.text;
        enterHeading(piece.text);
      } else if (piece.kind === 'point') {
        finish();
        pendingPoint = piece.number;
      } else {
        const c = current as { para: NumberedParagraph; raw: string } | null;
        const numbered = NUMBERED.exec(piece.text);
        if (pendingPoint) {
          open(pendingPoint, piece.text, piece.line);
          pendingPoint = null;
        } else if (c && (!looksFinished(c.raw) || startsLowercase(piece.text))) {
          c.raw += ' ' + piece.text;
        } else if (numbered) {
          open(numbered[1], numbered[2], piece.line);
        } else if (!doc.sections.some((s) => s.paragraphs.length)) {
          preface.push(bare(piece.text));
        } else if (c && (looksFinished(piece.text) || piece.text.length > 200)) {
          c.raw += ' ' + piece.text;
        } else {
          enterHeading(bare(piece.text));
        }
      }
    }
  }
  finish();
  doc.sections = doc.sections.filter((s) => s.paragraphs.length > 0);
  doc.preface = preface.join('\n');
  doc.footnotes = notes.footnotes();
  if (!doc.sections.length) throw new ImportError('No numbered paragraphs found.');
  return doc;
}
