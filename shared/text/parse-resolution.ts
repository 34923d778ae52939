/**
 * Imports a resolution from the plain-text form (the form of the seed files),
 * coping with PDF debris: footnote blocks in the middle of the text,
 * paragraphs split by page breaks, run-together masthead lines.
 */
import type {
  ImportFacts,
  Inline,
  OperativeParagraph,
  PreambularParagraph,
  Resolution,
  Subparagraph,
} from '../model/types';
import { bare, footnoteDefinition, isSeparator, looksFinished, splitBlocks, startsLowercase, type Block } from './blocks';
import { ImportError } from './errors';
import { FootnoteTable } from './footnotes';
import { idSources, type ImportOptions } from './ids';
import { parseInline, takeItalicOpening } from './inline';
import { isMastheadBlock, parseMasthead } from './masthead';

/** A paragraph while it is being collected: raw markup, joined across page breaks. */
interface RawParagraph {
  kind: 'preambular' | 'operative' | 'subparagraph';
  raw: string;
  line: number;
  typedNumber?: string;
  level?: number;
  marker?: string;
}

const OP_NUMBER = /^(?:\*\*)?(\d+)\.(?:\*\*)?\s+(.*)$/;
const SUB_MARKER = /^\(([a-z]{1,4})\)\s+(.*)$/;
const ROMAN = /^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)$/;

/** "The General Assembly," — short, starts with "The", ends with a comma. */
export function isAuthorityLine(block: Block): boolean {
  const text = bare(block.text).replace(/\*+$/, '');
  return /^The [A-Z]/.test(text) && /,$/.test(text) && text.length < 300 && !/\b(?:resolution|decision)s? \d/.test(text);
}

export function parseResolutionText(text: string, options: ImportOptions = {}): Resolution {
  if (typeof text !== 'string' || !text.trim()) throw new ImportError('The text is empty.');
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) throw new ImportError('The file is not plain text (it contains binary data).');
  const ids = idSources(options);
  const notes = new FootnoteTable(ids.footnote);
  const blocks = splitBlocks(text);
  const authorityAt = blocks.findIndex(isAuthorityLine);
  if (authorityAt < 0) {
    throw new ImportError('No authority line found: a resolution starts with the full name of the body, such as "The General Assembly,".');
  }

  const head = blocks.slice(0, authorityAt).filter((b) => !isSeparator(b));
  const headNotes = head.filter((b) => footnoteDefinition(b));
  headNotes.forEach((b) => define(notes, b));
  const headText = head.filter((b) => !footnoteDefinition(b));
  const titleBlock = headText.length && !isMastheadBlock(headText[headText.length - 1]) ? headText[headText.length - 1] : null;
  const masthead = parseMasthead(headText.filter((b) => b !== titleBlock));
  const authority = bare(blocks[authorityAt].text).replace(/\*+$/, '');
  if (!masthead.body) masthead.body = authority.replace(/^The /, '').replace(/,$/, '');

  const raws = collectParagraphs(blocks.slice(authorityAt + 1), notes);
  if (!raws.some((r) => r.kind === 'operative')) {
    // A resolution with a single operative paragraph leaves it unnumbered.
    const last = raws[raws.length - 1];
    if (last && last.kind === 'preambular' && !/,$/.test(bare(last.raw))) last.kind = 'operative';
    else throw new ImportError('No operative paragraph found (operative paragraphs are numbered "1.", "2.", …).');
  }

  const resolution: Resolution = {
    masthead,
    title: titleBlock ? stripBold(parseInline(titleBlock.text.replace(/^#+\s*/, ''), notes.idFor).content) : [],
    authority,
    preamble: [],
    operative: [],
    footnotes: [],
  };
  buildParagraphs(resolution, raws, notes, ids.paragraph);
  resolution.footnotes = notes.footnotes();
  return resolution;
}

function define(notes: FootnoteTable, block: Block) {
  const def = footnoteDefinition(block)!;
  notes.define(def.label, def.text, block.line);
}

function collectParagraphs(blocks: Block[], notes: FootnoteTable): RawParagraph[] {
  const raws: RawParagraph[] = [];
  for (const block of blocks) {
    if (isSeparator(block)) continue;
    if (footnoteDefinition(block)) {
      define(notes, block);
      continue;
    }
    const current = raws[raws.length - 1];
    const startsNew = OP_NUMBER.test(block.text) || SUB_MARKER.test(block.text);
    if (current && !startsNew && (!looksFinished(current.raw) || startsLowercase(block.text))) {
      current.raw += ' ' + block.text; // continues across a page break or footnote block
      continue;
    }
    const op = OP_NUMBER.exec(block.text);
    if (op) {
      raws.push({ kind: 'operative', raw: op[2], line: block.line, typedNumber: op[1] });
      continue;
    }
    const sub = SUB_MARKER.exec(block.text);
    if (sub) {
      raws.push({ kind: 'subparagraph', raw: sub[2], line: block.line, marker: sub[1], level: subLevel(sub[1], raws) });
      continue;
    }
    if (raws.some((r) => r.kind === 'operative') && current) current.raw += ' ' + block.text;
    else raws.push({ kind: 'preambular', raw: block.text, line: block.line });
  }
  return raws.flatMap(splitInlineSubparagraphs);
}

/** (i) after (h) is a letter; otherwise a roman numeral opens level 2. */
function subLevel(marker: string, raws: RawParagraph[]): number {
  if (!ROMAN.test(marker)) return 1;
  const prev = [...raws].reverse().find((r) => r.kind !== 'subparagraph' || r.level === 1);
  if (prev?.kind === 'subparagraph' && prev.marker && marker.length === 1 && prev.marker.charCodeAt(0) + 1 === marker.charCodeAt(0)) return 1;
  return 2;
}

/** "…about: (a) the activities …, (b) coordination …" run together in one block. */
function splitInlineSubparagraphs(raw: RawParagraph): RawParagraph[] {
  if (raw.kind === 'subparagraph' || !/:\s+\(a\)\s/.test(raw.raw)) return [raw];
  const parts = raw.raw.split(/\s(?=\([a-z]\)\s)/);
  const lead = parts[0];
  if (!/:$/.test(lead.trim()) || parts.length < 3) return [raw];
  const items = parts.slice(1);
  const consecutive = items.every((p, i) => p.startsWith(`(${String.fromCharCode(97 + i)}) `));
  if (!consecutive) return [raw];
  return [
    { ...raw, raw: lead },
    ...items.map((p, i): RawParagraph => ({ kind: 'subparagraph', raw: p.slice(4), line: raw.line, level: 1, marker: String.fromCharCode(97 + i) })),
  ];
}

function buildParagraphs(res: Resolution, raws: RawParagraph[], notes: FootnoteTable, newId: () => string) {
  // Subparagraph parents: the nearest operative paragraph (or level-1 item for level 2).
  let lastOp: OperativeParagraph | null = null;
  let lastLevel1: Subparagraph | null = null;
  for (const raw of raws) {
    const { content, italicOpening } = takeItalicOpening(parseInline(raw.raw, notes.idFor).content);
    const imported: ImportFacts = { italicOpening, line: raw.line };
    if (raw.typedNumber) imported.typedNumber = raw.typedNumber;
    if (raw.kind === 'preambular') {
      const pp: PreambularParagraph = { kind: 'preambular', id: newId(), content, imported };
      res.preamble.push(pp);
    } else if (raw.kind === 'operative') {
      lastOp = { kind: 'operative', id: newId(), content, imported, subparagraphs: [] };
      lastLevel1 = null;
      res.operative.push(lastOp);
    } else {
      const sub: Subparagraph = { kind: 'subparagraph', id: newId(), content, imported, subparagraphs: [] };
      if (!lastOp) {
        // A lettered item before any operative paragraph: keep its text as a PP.
        res.preamble.push({ kind: 'preambular', id: sub.id, content, imported });
      } else if (raw.level === 2 && lastLevel1) lastLevel1.subparagraphs.push(sub);
      else {
        lastOp.subparagraphs.push(sub);
        lastLevel1 = sub;
      }
    }
  }
}

function stripBold(content: Inline[]): Inline[] {
  return content.map((n) => {
    if (n.type !== 'text' || !n.marks) return n;
    const marks = n.marks.filter((m) => m !== 'bold');
    return marks.length ? { ...n, marks } : { type: 'text', text: n.text };
  });
}
