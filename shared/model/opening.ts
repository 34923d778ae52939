/**
 * The opening phrase of a paragraph: what is italic in the printed text.
 * PPs: the participle or adjective phrase ("Recalling also", "Deeply concerned").
 * OPs: the verb phrase ("Also requests", "Calls upon", "Takes note with appreciation of").
 */
import {
  OPERATIVE_BY_LENGTH,
  OPERATIVE_LEADING_ADVERBS,
  PREAMBULAR_BY_LENGTH,
  PREAMBULAR_FOLLOWING_ADVERBS,
} from './openers';

export type OpeningKind = 'preambular' | 'operative';

export interface OpeningPhrase {
  phrase: string;
  /** Offset just after the phrase in the paragraph's plain text. */
  end: number;
}

/** Length of `phrase` at the start of `text` when it ends on a word boundary, else -1. */
function prefixLength(text: string, phrase: string): number {
  if (text.length < phrase.length) return -1;
  if (text.slice(0, phrase.length).toLowerCase() !== phrase.toLowerCase()) return -1;
  const next = text.charAt(phrase.length);
  return next === '' || /[\s,;:]/.test(next) ? phrase.length : -1;
}

function matchLongest(text: string, phrases: readonly string[]): number {
  for (const p of phrases) {
    const n = prefixLength(text, p);
    if (n > 0) return n;
  }
  return -1;
}

function firstWordEnd(text: string): number {
  const m = /^[A-Za-z][\w’'-]*/.exec(text);
  return m ? m[0].length : 0;
}

export function openingPhrase(text: string, kind: OpeningKind): OpeningPhrase {
  const lead = /^\s*/.exec(text)![0].length;
  const body = text.slice(lead);
  let end: number;
  if (kind === 'preambular') {
    end = matchLongest(body, PREAMBULAR_BY_LENGTH);
    if (end < 0) end = firstWordEnd(body);
    for (const adv of PREAMBULAR_FOLLOWING_ADVERBS) {
      const rest = body.slice(end);
      const m = /^\s+/.exec(rest);
      if (m && prefixLength(rest.slice(m[0].length), adv) > 0) {
        end += m[0].length + adv.length;
        break;
      }
    }
  } else {
    let start = 0;
    const adv = matchLongest(body, [...OPERATIVE_LEADING_ADVERBS].sort((a, b) => b.length - a.length));
    if (adv > 0) {
      const m = /^\s+/.exec(body.slice(adv));
      if (m) start = adv + m[0].length;
    }
    const verb = matchLongest(body.slice(start), OPERATIVE_BY_LENGTH);
    end = verb > 0 ? start + verb : start + firstWordEnd(body.slice(start));
    if (end === start) end = adv > 0 ? adv : 0;
  }
  return { phrase: body.slice(0, end), end: lead + end };
}
