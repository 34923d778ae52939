/** Square brackets mark text not yet agreed (spec §6). Unbalanced ones are an error. */
import type { Paragraph } from '../paragraphs';
import type { Diagnostic } from '../types';
import { diagnostic } from './diagnostic';

export function brackets(p: Paragraph): Diagnostic[] {
  const out: Diagnostic[] = [];
  const open: number[] = [];
  for (let i = 0; i < p.text.length; i++) {
    const ch = p.text[i];
    if (ch === '[') open.push(i);
    else if (ch === ']') {
      const start = open.pop();
      if (start === undefined) out.push(diagnostic(p, 'BRACKET-UNBALANCED', 'error', 'A closing square bracket “]” has no opening bracket.', { start: i, end: i + 1 }));
      else if (open.length === 0) out.push(diagnostic(p, 'BRACKET-TEXT', 'info', `Bracketed text is not yet agreed: ${p.text.slice(start, i + 1).slice(0, 60)}`, { start, end: i + 1 }));
    }
  }
  for (const start of open) out.push(diagnostic(p, 'BRACKET-UNBALANCED', 'error', 'An opening square bracket “[” is never closed.', { start, end: start + 1 }));
  return out;
}
