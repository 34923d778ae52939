/**
 * TERM-VARIANT and LATIN-ITALIC: a defined phrase is written one way
 * throughout, and Latin terms are italic (spec §4).
 */
import type { Inline } from '../../model/types';
import type { Paragraph } from '../paragraphs';
import type { Diagnostic } from '../types';
import { diagnostic, replaceFix } from './diagnostic';

interface Term {
  standard: string;
  /** Matches the standard form and its variants. */
  pattern: RegExp;
}

/** Data, not code: extend the list as the corpus shows more drift. */
export const TERMS: Term[] = [
  { standard: 'their parts and components and ammunition', pattern: /\btheir parts(?:,| and)? (?:their )?components,?(?: and)? (?:their )?ammunition\b/gi },
  { standard: 'parts and components and ammunition', pattern: /(?<!their )\bparts(?:,| and)? components,?(?: and)? ammunition\b/gi },
];

export const LATIN_TERMS = ['inter alia', 'modi operandi', 'modus operandi', 'mutatis mutandis', 'ad interim', 'prima facie', 'de facto', 'de jure', 'ex officio', 'in situ'];
const LATIN = new RegExp(`\\b(${LATIN_TERMS.map((t) => t.replace(' ', '\\s+')).join('|')})\\b`, 'gi');

export function termVariants(p: Paragraph): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const term of TERMS) {
    for (const m of p.text.matchAll(term.pattern)) {
      const found = m[0];
      if (found.toLowerCase() === term.standard) continue;
      const start = m.index!;
      const replacement = found[0] === found[0].toUpperCase() ? term.standard[0].toUpperCase() + term.standard.slice(1) : term.standard;
      out.push(diagnostic(p, 'TERM-VARIANT', 'warning', `“${found}” is a variant of the defined term “${term.standard}”.`, { start, end: start + found.length }, replaceFix(`Replace with “${term.standard}”`, start, start + found.length, replacement)));
    }
  }
  return out;
}

/** Character ranges of the paragraph's plain text that are italic. */
function italicRanges(content: Inline[]): [number, number][] {
  const ranges: [number, number][] = [];
  let at = 0;
  for (const node of content) {
    if (node.type !== 'text') continue;
    if (node.marks?.includes('italic')) ranges.push([at, at + node.text.length]);
    at += node.text.length;
  }
  return ranges;
}

export function latinItalics(p: Paragraph): Diagnostic[] {
  const out: Diagnostic[] = [];
  const italic = italicRanges(p.content);
  for (const m of p.text.matchAll(LATIN)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (italic.some(([a, b]) => a <= start && end <= b)) continue;
    out.push(diagnostic(p, 'LATIN-ITALIC', 'warning', `The Latin term “${m[0]}” is set in italics.`, { start, end }, { title: 'Italicize', edits: [{ kind: 'italic', start, end }] }));
  }
  return out;
}
