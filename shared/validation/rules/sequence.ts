/**
 * OP-ALSO, OP-REPEAT and PP-REPEAT (consecutive repeats): rules about the
 * order of paragraphs, computed from each paragraph's opening (spec §2, §3).
 */
import { OPERATIVE_LEADING_ADVERBS } from '../../model/openers';
import type { Paragraph } from '../paragraphs';
import type { Diagnostic } from '../types';
import { diagnostic, leadOf, replaceFix } from './diagnostic';

export interface OperativeOpening {
  paragraph: Paragraph;
  /** "also", "further" or "" */
  adverb: string;
  /** First word of the verb, lower case: "requests". */
  verb: string;
  /** Offsets of the adverb + verb in the text. */
  start: number;
  verbStart: number;
  verbEnd: number;
}

export function operativeOpeningOf(p: Paragraph): OperativeOpening {
  const lead = leadOf(p.text);
  const body = p.text.slice(lead);
  const adverb = ['Also', 'Further'].find((a) => body.startsWith(a + ' ') || body.startsWith(a.toLowerCase() + ' ')) ?? '';
  const other = adverb ? '' : OPERATIVE_LEADING_ADVERBS.find((a) => body.startsWith(a + ' '));
  const verbStart = lead + (adverb ? adverb.length + 1 : other ? other.length + 1 : 0);
  const word = /^[A-Za-z][A-Za-z’'-]*/.exec(p.text.slice(verbStart))?.[0] ?? '';
  return { paragraph: p, adverb: adverb.toLowerCase(), verb: word.toLowerCase(), start: lead, verbStart, verbEnd: verbStart + word.length };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function operativeSequence(openings: OperativeOpening[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const plain = new Set<string>();
  const also = new Set<string>();
  let previous: OperativeOpening | null = null;
  for (const o of openings) {
    const p = o.paragraph;
    const verbWord = p.text.slice(o.verbStart, o.verbEnd);
    if (o.adverb === 'also' && !plain.has(o.verb)) {
      out.push(diagnostic(p, 'OP-ALSO', 'error', `“Also ${o.verb}” needs an earlier paragraph that opens with “${cap(o.verb)}”.`, { start: o.start, end: o.verbEnd }, replaceFix(`Replace with “${cap(verbWord)}”`, o.start, o.verbEnd, cap(verbWord))));
    } else if (o.adverb === 'further' && !also.has(o.verb)) {
      const fixed = plain.has(o.verb) ? `Also ${verbWord.toLowerCase()}` : cap(verbWord);
      out.push(diagnostic(p, 'OP-ALSO', 'error', `“Further ${o.verb}” needs an earlier paragraph that opens with “Also ${o.verb}”.`, { start: o.start, end: o.verbEnd }, replaceFix(`Replace with “${fixed}”`, o.start, o.verbEnd, fixed)));
    } else if (!o.adverb && previous && !previous.adverb && previous.verb === o.verb && o.verb) {
      const fixed = `Also ${verbWord.toLowerCase()}`;
      out.push(diagnostic(p, 'OP-REPEAT', 'warning', `Two consecutive paragraphs open with “${cap(o.verb)}”; the second usually reads “${fixed}”.`, { start: o.verbStart, end: o.verbEnd }, replaceFix(`Replace with “${fixed}”`, o.verbStart, o.verbEnd, fixed)));
    }
    if (!o.adverb) plain.add(o.verb);
    if (o.adverb === 'also') also.add(o.verb);
    previous = o;
  }
  return out;
}

/** Consecutive preambular paragraphs with the same bare opener: the second takes "also". */
export function preambularSequence(paragraphs: { paragraph: Paragraph; opening: { phrase: string; end: number } }[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  let previous = '';
  for (const { paragraph: p, opening } of paragraphs) {
    const { phrase, end } = opening;
    const key = phrase.toLowerCase();
    if (key && key === previous && !/\s(also|further|again)$/.test(key)) {
      const fixed = `${phrase} also`;
      out.push(diagnostic(p, 'PP-REPEAT', 'warning', `The previous paragraph also opens with “${phrase}”; a repeated opener takes its adverb after it: “${fixed}”.`, { start: end - phrase.length, end }, replaceFix(`Replace with “${fixed}”`, end - phrase.length, end, fixed)));
    }
    previous = key.replace(/\s(also|further|again)$/, '');
  }
  return out;
}
