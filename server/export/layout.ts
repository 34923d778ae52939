/**
 * The printed form of a resolution, shared by the Word export and the print
 * view: masthead lines, the sponsors line, and each paragraph as runs with
 * their derived marker and italic opening phrase. With changes marked (the
 * rules for revised drafts), inserted words are bold and deleted words
 * struck through; a deleted paragraph is struck through whole.
 *
 * Pure: built from a comparison (an unmarked text is compared with itself).
 */
import { compareResolutions, type ComparedParagraph, type Comparison } from '../../shared/compare/compare';
import { AUTHORITY_ID, FOOTNOTE_MARK, TITLE_ID } from '../../shared/compare/units';
import { openingPhrase } from '../../shared/model/opening';
import type { Inline, MarkName, Masthead, Resolution, Subparagraph } from '../../shared/model/types';
import { formatLongDate } from '../../shared/text/dates';

export interface Run {
  text: string;
  italic?: boolean;
  bold?: boolean;
  strike?: boolean;
  /** A footnote reference: the footnote's number (text is empty). */
  footnote?: number;
}

export interface LaidParagraph {
  kind: ComparedParagraph['kind'];
  /** "1.", "(a)", "" */
  marker: string;
  level: number;
  runs: Run[];
  /** The whole paragraph (with its marker) is struck through. */
  deleted: boolean;
}

export interface Layout {
  masthead: Masthead;
  /** "Date: 14 October 2024" form, or "" without a date. */
  date: string;
  /** "Mexico and Norway: revised draft resolution". */
  sponsorsLine: string;
  title: Run[];
  authority: Run[];
  preamble: LaidParagraph[];
  operative: LaidParagraph[];
  footnotes: Array<{ number: number; runs: Run[]; deleted: boolean }>;
  /** Whether changes are marked (bold insertions, struck deletions). */
  marked: boolean;
}

/** "Mexico", "Mexico and Norway", "Mexico, Norway and Kenya". */
export function sponsorList(sponsors: readonly string[]): string {
  const names = sponsors.map((s) => s.trim()).filter(Boolean);
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function sponsorsLine(m: Masthead): string {
  const type = m.documentType.trim() || 'draft resolution';
  const names = sponsorList(m.sponsors);
  return names ? `${names}: ${type}` : type.charAt(0).toUpperCase() + type.slice(1);
}

/** Per paragraph id, the marks typed on each character (italic titles of acts, bold): kept in the printed text. */
type CharMarks = Map<string, Array<readonly MarkName[] | undefined>>;

export function charMarks(res: Resolution): CharMarks {
  const out: CharMarks = new Map();
  const add = (id: string, content: readonly Inline[]) => {
    const marks: Array<readonly MarkName[] | undefined> = [];
    for (const n of content) {
      if (n.type === 'footnoteRef') marks.push(undefined);
      else for (let i = 0; i < n.text.length; i++) marks.push(n.marks?.length ? n.marks : undefined);
    }
    if (marks.some(Boolean)) out.set(id, marks);
  };
  add(TITLE_ID, res.title);
  add(AUTHORITY_ID, res.authority ? [{ type: 'text', text: res.authority }] : []);
  const subs = (list: Subparagraph[]) => list.forEach((s) => (add(s.id, s.content), subs(s.subparagraphs)));
  res.preamble.forEach((p) => add(p.id, p.content));
  res.operative.forEach((p) => (add(p.id, p.content), subs(p.subparagraphs)));
  res.footnotes.forEach((f) => add(f.id, f.content));
  return out;
}

const NO_MARKS: CharMarks = new Map();

/** The opening phrase's end in a text, for the kinds that have one. */
function openingEnd(kind: ComparedParagraph['kind'], text: string): number {
  if (kind === 'preambular' || kind === 'operative') return openingPhrase(text, kind).end;
  return 0;
}

/** Runs of one compared paragraph; `footnoteNumber` numbers references in order of appearance. */
function runsOf(p: ComparedParagraph, marked: boolean, footnoteNumber: (id: string) => number, typed: { from: CharMarks; to: CharMarks } = { from: NO_MARKS, to: NO_MARKS }): Run[] {
  const fromMarks = typed.from.get(p.id);
  const toMarks = typed.to.get(p.id);
  const fromText = p.parts.filter((x) => x.op !== 'insert').map((x) => x.text).join('');
  const toText = p.parts.filter((x) => x.op !== 'delete').map((x) => x.text).join('');
  const fromItalicEnd = openingEnd(p.kind, fromText);
  const toItalicEnd = openingEnd(p.kind, toText);
  const fromRefs = [...(p.from?.footnoteRefs ?? [])];
  const toRefs = [...(p.to?.footnoteRefs ?? [])];
  const runs: Run[] = [];
  const push = (run: Run) => {
    const last = runs[runs.length - 1];
    if (last && run.footnote === undefined && last.footnote === undefined && !!last.italic === !!run.italic && !!last.bold === !!run.bold && !!last.strike === !!run.strike) last.text += run.text;
    else runs.push(run);
  };
  let fromOff = 0;
  let toOff = 0;
  for (const part of p.parts) {
    if (!marked && part.op === 'delete') continue;
    for (const ch of part.text) {
      const inFrom = part.op !== 'insert';
      const inTo = part.op !== 'delete';
      // Italic where the character lies in the opening phrase of the version it is shown from.
      const own = inTo ? toMarks?.[toOff] : fromMarks?.[fromOff];
      const italic = (inTo ? toOff < toItalicEnd : fromOff < fromItalicEnd) || own?.includes('italic');
      const style: Run = { text: '' };
      if (italic) style.italic = true;
      if ((marked && part.op === 'insert') || own?.includes('bold')) style.bold = true;
      if (marked && part.op === 'delete') style.strike = true;
      if (ch === FOOTNOTE_MARK) {
        const fromRef = inFrom ? fromRefs.shift() : undefined;
        const toRef = inTo ? toRefs.shift() : undefined;
        const id = toRef ?? fromRef;
        if (id) push({ ...style, text: '', footnote: footnoteNumber(id) });
      } else push({ ...style, text: ch });
      if (inFrom) fromOff += ch.length;
      if (inTo) toOff += ch.length;
    }
  }
  return runs;
}

/** The layout of `comparison`'s newer version, with its changes marked when `marked`. */
export function layoutOf(masthead: Masthead, comparison: Comparison, marked: boolean, models?: { from: Resolution; to: Resolution }): Layout {
  const typed = models ? { from: charMarks(models.from), to: charMarks(models.to) } : undefined;
  const numbers = new Map<string, number>();
  const footnoteNumber = (id: string) => {
    if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
    return numbers.get(id)!;
  };
  const shown = comparison.paragraphs.filter((p) => marked || p.status !== 'deleted');
  const find = (kind: ComparedParagraph['kind']) => shown.find((p) => p.kind === kind);
  const title = find('title');
  const authority = find('authority');
  const laid = (p: ComparedParagraph): LaidParagraph => ({
    kind: p.kind,
    marker: (p.status === 'deleted' ? p.from?.marker : p.to?.marker) ?? '',
    level: (p.status === 'deleted' ? p.from?.level : p.to?.level) ?? 0,
    runs: runsOf(p, marked, footnoteNumber, typed),
    deleted: p.status === 'deleted',
  });
  const titleRuns = title ? runsOf(title, marked, footnoteNumber, typed) : [];
  const authorityRuns = authority ? runsOf(authority, marked, footnoteNumber, typed) : [];
  const preamble = shown.filter((p) => p.kind === 'preambular').map(laid);
  const operative = shown.filter((p) => p.kind === 'operative' || p.kind === 'subparagraph').map(laid);
  // Footnotes after the body, so that their numbers follow the references' order.
  const notes = shown
    .filter((p) => p.kind === 'footnote')
    .map((p) => ({ number: footnoteNumber(p.id), runs: runsOf(p, marked, footnoteNumber, typed), deleted: p.status === 'deleted' }))
    .sort((a, b) => a.number - b.number);
  return {
    masthead,
    date: masthead.date ? formatLongDate(masthead.date) : '',
    sponsorsLine: sponsorsLine(masthead),
    title: titleRuns,
    authority: authorityRuns,
    preamble,
    operative,
    footnotes: notes,
    marked,
  };
}

/** The unmarked layout of a resolution. */
export function plainLayout(res: Resolution): Layout {
  return layoutOf(res.masthead, compareResolutions(res, res), false, { from: res, to: res });
}

/** The layout of `to` with every change since `from` marked. */
export function markedLayout(from: Resolution, to: Resolution): Layout {
  return layoutOf(to.masthead, compareResolutions(from, to), true, { from, to });
}
