/**
 * The resolution model: plain data, no DOM, no I/O.
 *
 * Everything else (the editor schema, the plain-text form, the rules, the
 * language index, the Word export) converts to or reads from these types.
 * Derived things — operative numbers, subparagraph letters, the italics of
 * opening phrases, diagnostics — are NOT stored here; see ./labels.ts.
 */

/** Stable identity of a paragraph; survives renumbering, moves and edits. */
export type ParagraphId = string;

export type MarkName = 'italic' | 'bold';

/** A run of text with the same marks. */
export interface TextRun {
  type: 'text';
  text: string;
  marks?: MarkName[];
}

/** A reference to a footnote; its number is derived from document order. */
export interface FootnoteRef {
  type: 'footnoteRef';
  footnoteId: string;
}

export type Inline = TextRun | FootnoteRef;

/**
 * Facts about how an imported text was typed. The editor derives numbering
 * and opening-phrase italics, but a text imported from a file had them
 * typed, and the rules (OP-NUM, PP-ITALIC, OP-ITALIC) check them.
 * Absent on paragraphs written in the editor.
 */
export interface ImportFacts {
  /** The number typed before an operative paragraph ("12"), if any. */
  typedNumber?: string;
  /** The italic text found at the very start of the paragraph, or null if none was italic. */
  italicOpening?: string | null;
  /** 1-based line in the source text where the paragraph starts. */
  line?: number;
}

interface ParagraphBase {
  id: ParagraphId;
  /** The text, without the typed number or letter; opening-phrase italics removed (derived). */
  content: Inline[];
  imported?: ImportFacts;
}

export interface PreambularParagraph extends ParagraphBase {
  kind: 'preambular';
}

/** (a), (b) … at level 1; (i), (ii) … at level 2. */
export interface Subparagraph extends ParagraphBase {
  kind: 'subparagraph';
  subparagraphs: Subparagraph[];
}

export interface OperativeParagraph extends ParagraphBase {
  kind: 'operative';
  subparagraphs: Subparagraph[];
}

export interface Footnote {
  id: string;
  content: Inline[];
  imported?: ImportFacts;
}

export interface Masthead {
  /** "General Assembly", "Conference of the Parties to the United Nations Convention against …" */
  body: string;
  /** "Seventy-eighth session", "Twelfth session" */
  session: string;
  /** "Vienna, 14–18 October 2024" (optional line under the session) */
  place: string;
  /** "Agenda item 2 (d)" followed by its title, as printed */
  agendaItem: string;
  /** "CTOC/COP/2024/L.5" */
  symbol: string;
  /** "Limited" */
  distribution: string;
  /** ISO date YYYY-MM-DD, or "" */
  date: string;
  /** "English" */
  originalLanguage: string;
  /** Main sponsor first. */
  sponsors: string[];
  /** "draft resolution" | "revised draft resolution" | "draft decision" … */
  documentType: string;
}

export interface Resolution {
  masthead: Masthead;
  /** Empty for Security Council resolutions. */
  title: Inline[];
  /** "The General Assembly," — the full name of the body, ending with a comma. */
  authority: string;
  preamble: PreambularParagraph[];
  operative: OperativeParagraph[];
  footnotes: Footnote[];
}

/**
 * A document of numbered paragraphs under section headings: working-group
 * recommendations, chair's summaries. Imported for the agreed-language corpus.
 */
export interface NumberedParagraph {
  id: ParagraphId;
  /** As printed: "148", "8". */
  number: string;
  content: Inline[];
  subparagraphs: Subparagraph[];
  imported?: ImportFacts;
}

export interface NumberedSection {
  heading: string;
  paragraphs: NumberedParagraph[];
}

export interface NumberedDocument {
  title: string;
  /** Text before the first section (masthead debris, introduction). */
  preface: string;
  sections: NumberedSection[];
  footnotes: Footnote[];
}

export type ImportedDocument =
  | { kind: 'resolution'; resolution: Resolution }
  | { kind: 'numbered'; document: NumberedDocument };

export function emptyMasthead(): Masthead {
  return {
    body: '',
    session: '',
    place: '',
    agendaItem: '',
    symbol: '',
    distribution: 'Limited',
    date: '',
    originalLanguage: 'English',
    sponsors: [],
    documentType: 'draft resolution',
  };
}
