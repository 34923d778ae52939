/**
 * PP-COMMA, OP-PUNCT and OP-SUB: the resolution is one sentence, so every
 * paragraph ends with the right mark (spec §1–3).
 */
import type { Paragraph } from '../paragraphs';
import type { Diagnostic } from '../types';
import { diagnostic, replaceFix, tailOf } from './diagnostic';

const NAMES: Record<string, string> = { ',': 'a comma', ';': 'a semicolon', '.': 'a period', ':': 'a colon' };
/** Closing quotes, brackets and footnote debris may follow the mark. */
const TRAILING = /[”"’')\]\s]*$/;

function endMark(text: string): { mark: string; at: number } {
  const trimmed = text.slice(0, tailOf(text)).replace(TRAILING, '');
  return { mark: trimmed.slice(-1), at: trimmed.length - 1 };
}

function expectEnd(p: Paragraph, rule: string, severity: 'error' | 'warning', expected: string[], why: string): Diagnostic[] {
  if (!p.text.trim()) return [];
  const trimmedEnd = p.text.slice(0, tailOf(p.text));
  // Items of a list may end "; and" / "; or".
  if (expected.includes(';') && /;\s+(and|or)$/.test(trimmedEnd)) return [];
  const { mark, at } = endMark(p.text);
  if (expected.includes(mark)) return [];
  const want = expected[0];
  const replacing = /[,;.:]/.test(mark);
  const start = replacing ? at : at + 1;
  const fix = replaceFix(replacing ? `Replace “${mark}” with “${want}”` : `Add ${NAMES[want]}`, start, replacing ? at + 1 : at + 1, want);
  return [diagnostic(p, rule, severity, `${why} ends with ${NAMES[want]}${replacing ? `, not ${NAMES[mark]}` : ''}.`, { start: Math.max(0, at), end: at + 1 }, fix)];
}

export function preambularPunctuation(p: Paragraph): Diagnostic[] {
  return expectEnd(p, 'PP-COMMA', 'error', [','], 'Every preambular paragraph, the last one included,');
}

export function operativePunctuation(p: Paragraph): Diagnostic[] {
  if (p.kind === 'operative' && p.hasSubparagraphs) return expectEnd(p, 'OP-SUB', 'warning', [':'], 'The lead-in to a list of subparagraphs');
  if (p.kind === 'operative') return p.endsResolution ? expectEnd(p, 'OP-PUNCT', 'error', ['.'], 'The last operative paragraph') : expectEnd(p, 'OP-PUNCT', 'error', [';'], 'An operative paragraph (except the last)');
  if (p.hasSubparagraphs) return expectEnd(p, 'OP-SUB', 'warning', [':'], 'A subparagraph that introduces a list');
  if (p.endsResolution) return expectEnd(p, 'OP-PUNCT', 'error', ['.'], 'The last item of the last operative paragraph');
  return expectEnd(p, 'OP-SUB', 'warning', [';'], 'A subparagraph');
}
