/**
 * OP-NUM, PP-ITALIC and OP-ITALIC: on imported text only. In the editor
 * numbers and the italics of opening phrases are derived, so they cannot be wrong.
 */
import { openingPhrase } from '../../model/opening';
import type { Paragraph } from '../paragraphs';
import type { Diagnostic } from '../types';
import { diagnostic, leadOf } from './diagnostic';

export function typedNumbering(operatives: Paragraph[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  operatives.forEach((p, i) => {
    const typed = p.imported?.typedNumber;
    if (typed === undefined) return;
    const expected = String(i + 1);
    if (typed !== expected) out.push(diagnostic(p, 'OP-NUM', 'error', `This paragraph is numbered ${typed}. but is operative paragraph ${expected}: the numbering has a gap or a repeat.`));
  });
  return out;
}

export function openingItalics(p: Paragraph): Diagnostic[] {
  if (!p.imported || p.kind === 'subparagraph' || !p.text.trim()) return [];
  const kind = p.kind === 'preambular' ? 'preambular' : 'operative';
  const rule = kind === 'preambular' ? 'PP-ITALIC' : 'OP-ITALIC';
  const { phrase, end } = openingPhrase(p.text, kind);
  const range = { start: leadOf(p.text), end };
  const italic = p.imported.italicOpening;
  if (!italic) return [diagnostic(p, rule, 'warning', `The opening phrase “${phrase}” is not in italics (the editor sets it automatically).`, range)];
  // "Takes note" and "Takes note of" are both usual: a trailing preposition may stay roman.
  const norm = (s: string) => s.replace(/\s+/g, ' ').toLowerCase().replace(/ (of|to|on|upon)$/, '');
  const a = norm(italic);
  const b = norm(phrase);
  if (a !== b) return [diagnostic(p, rule, 'warning', `Only the opening phrase “${phrase}” is italic; the text has “${italic}” in italics.`, range)];
  return [];
}
