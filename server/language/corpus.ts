/**
 * The corpus of prior documents as the language index sees it: plain
 * metadata and labelled paragraphs of plain text. Built from an imported
 * document (shared/text) plus what the importer cannot know (kind, date).
 */
import { plainText } from '../../shared/model/text';
import type { ImportedDocument, Subparagraph } from '../../shared/model/types';

/** Adopted resolution (or decision), draft, working-group recommendations, chair's summary. */
export const CORPUS_KINDS = ['resolution', 'draft', 'recommendations', 'chair-summary'] as const;
export type CorpusKind = (typeof CORPUS_KINDS)[number];

export interface CorpusParagraph {
  /** As a delegate cites it: "PP3", "OP6", "para 148", "DP8". */
  label: string;
  text: string;
}

export interface CorpusDocument {
  id: string;
  /** "resolution 10/2", "CTOC/COP/2024/L.5"; may be empty. */
  symbol: string;
  /** The issuing body: "Conference of the Parties to the United Nations Convention against …". */
  body: string;
  title: string;
  kind: CorpusKind;
  /** ISO date the document was issued (adopted, circulated). */
  date: string;
  paragraphs: CorpusParagraph[];
}

export type CorpusMeta = Omit<CorpusDocument, 'paragraphs'>;

export const isCorpusKind = (k: unknown): k is CorpusKind => typeof k === 'string' && (CORPUS_KINDS as readonly string[]).includes(k);

/** Subparagraphs are part of their paragraph's language: "(a) …; (b) …". */
function withSubparagraphs(lead: string, subs: Subparagraph[]): string {
  const parts = [lead];
  for (const s of subs) parts.push(withSubparagraphs(plainText(s.content), s.subparagraphs));
  return parts.filter(Boolean).join(' ');
}

export function corpusParagraphs(doc: ImportedDocument, kind: CorpusKind): CorpusParagraph[] {
  if (doc.kind === 'resolution') {
    const r = doc.resolution;
    return [
      ...r.preamble.map((p, i) => ({ label: `PP${i + 1}`, text: plainText(p.content) })),
      ...r.operative.map((p, i) => ({ label: `OP${i + 1}`, text: withSubparagraphs(plainText(p.content), p.subparagraphs) })),
    ].filter((p) => p.text.trim());
  }
  const prefix = kind === 'chair-summary' ? 'DP' : 'para ';
  return doc.document.sections
    .flatMap((s) => s.paragraphs)
    .map((p) => ({ label: `${prefix}${p.number}`, text: withSubparagraphs(plainText(p.content), p.subparagraphs) }))
    .filter((p) => p.text.trim());
}

/** The body and title an imported document states about itself, when it does. */
export function statedMeta(doc: ImportedDocument): { body: string; title: string } {
  if (doc.kind === 'resolution') {
    const r = doc.resolution;
    return { body: r.masthead.body || r.authority.replace(/^The\s+/, '').replace(/,\s*$/, ''), title: plainText(r.title) };
  }
  return { body: '', title: doc.document.title };
}

/** "Conference resolution 10/2, OP11, 2020": how a suggestion names its source. */
export function describeSource(doc: CorpusMeta, paragraph: string): string {
  const body = shortBody(doc.body);
  const what = doc.symbol || doc.title || doc.id;
  const name = body && !what.toLowerCase().startsWith(body.toLowerCase()) ? `${body} ${what}` : what;
  return `${name}, ${paragraph}, ${doc.date.slice(0, 4)}`;
}

/** "Conference of the Parties to the …" → "Conference"; "General Assembly" stays. */
export function shortBody(body: string): string {
  return body.replace(/^the\s+/i, '').split(/\s+(?:of|to|on)\s+the\s+/i)[0].trim();
}
