/**
 * PP-LEAD, PP-NO-OP-VERB, PP-REPEAT (adverb position) and OP-LEAD: how a
 * paragraph opens (spec §2, §3).
 */
import { openingPhrase } from '../../model/opening';
import { OPERATIVE_FIRST_WORDS, OPERATIVE_LEADING_ADVERBS, OPERATIVE_SET, PREAMBULAR_FIRST_WORDS, PREAMBULAR_FOLLOWING_ADVERBS, PREAMBULAR_SET } from '../../model/openers';
import type { Paragraph } from '../paragraphs';
import type { Diagnostic } from '../types';
import { finiteVerbOf, participleOf } from '../verbs';
import { diagnostic, leadOf, replaceFix } from './diagnostic';

const ADJECTIVE = /(ful|ent|ant|ous|ive|ible|able|al|ed)$/i;
const firstWord = (text: string) => /^[A-Za-z][A-Za-z’'-]*/.exec(text)?.[0] ?? '';

/** Strips a following adverb: "Recalling also" → "Recalling". */
function withoutFollowingAdverb(phrase: string): string {
  for (const adv of PREAMBULAR_FOLLOWING_ADVERBS) if (phrase.toLowerCase().endsWith(' ' + adv)) return phrase.slice(0, -adv.length - 1);
  return phrase;
}

export function preambularOpening(p: Paragraph): Diagnostic[] {
  const lead = leadOf(p.text);
  const body = p.text.slice(lead);
  if (!body) return [];
  const word = firstWord(body);
  const lower = word.toLowerCase();
  // "Also recalling": the adverb goes after the participle.
  const adverb = OPERATIVE_LEADING_ADVERBS.find((a) => body.toLowerCase().startsWith(a.toLowerCase() + ' '));
  if (adverb) {
    const rest = body.slice(adverb.length + 1);
    const participle = firstWord(rest);
    if (PREAMBULAR_FIRST_WORDS.has(participle.toLowerCase()) || participle.toLowerCase().endsWith('ing')) {
      const end = lead + adverb.length + 1 + participle.length;
      const fixed = `${participle.charAt(0).toUpperCase()}${participle.slice(1)} ${adverb.toLowerCase()}`;
      return [diagnostic(p, 'PP-REPEAT', 'warning', `In the preamble the adverb follows the participle: “${fixed}”, not “${body.slice(0, end - lead)}”.`, { start: lead, end }, replaceFix(`Replace with “${fixed}”`, lead, end, fixed))];
    }
  }
  const phrase = openingPhrase(p.text, 'preambular');
  const known = PREAMBULAR_SET.has(withoutFollowingAdverb(phrase.phrase).toLowerCase());
  if (known) return [];
  if (OPERATIVE_FIRST_WORDS.has(lower) && !PREAMBULAR_FIRST_WORDS.has(lower)) {
    const op = openingPhrase(p.text, 'operative');
    const verb = body.slice(0, op.end - lead);
    const participle = participleOf(verb);
    return [
      diagnostic(p, 'PP-NO-OP-VERB', 'error', `“${verb}” is an operative verb: a preambular paragraph opens with a participle or an adjective (e.g. “${participle}”), or this belongs in the operative part.`, { start: lead, end: op.end }, replaceFix(`Replace with “${participle}”`, lead, op.end, participle)),
    ];
  }
  const range = { start: lead, end: lead + word.length };
  if (/ing$/i.test(word) || /^having$/i.test(word) || ADJECTIVE.test(word))
    return [diagnostic(p, 'PP-LEAD', 'warning', `“${word}” is not a usual preambular opener; check the wording (e.g. Recalling, Noting, Concerned).`, range)];
  return [diagnostic(p, 'PP-LEAD', 'error', `A preambular paragraph opens with a participle or an adjective (Recalling, Noting, Aware …), not with “${word || body.slice(0, 12)}”.`, range)];
}

export function operativeOpening(p: Paragraph): Diagnostic[] {
  const lead = leadOf(p.text);
  const body = p.text.slice(lead);
  if (!body) return [];
  const adverb = OPERATIVE_LEADING_ADVERBS.find((a) => body.toLowerCase().startsWith(a.toLowerCase() + ' '));
  const verbStart = adverb ? adverb.length + 1 : 0;
  const verbText = body.slice(verbStart);
  const word = firstWord(verbText);
  const lower = word.toLowerCase();
  if (OPERATIVE_FIRST_WORDS.has(lower)) return [];
  const phrase = openingPhrase(verbText, 'operative').phrase;
  if (OPERATIVE_SET.has(phrase.toLowerCase())) return [];
  const range = { start: lead + verbStart, end: lead + verbStart + word.length };
  if (PREAMBULAR_FIRST_WORDS.has(lower) || /ing$/i.test(word)) {
    const pp = openingPhrase(verbText, 'preambular');
    const finite = finiteVerbOf(pp.phrase);
    const end = lead + verbStart + pp.end;
    return [
      diagnostic(
        p,
        'OP-LEAD',
        'error',
        `“${pp.phrase}” opens a preambular paragraph; an operative paragraph opens with a verb in the present tense${finite ? ` (“${finite}”)` : ' (Decides, Requests, Urges …)'}.`,
        { start: range.start, end },
        finite ? replaceFix(`Replace with “${finite}”`, range.start, end, finite) : undefined,
      ),
    ];
  }
  if (/[a-z]s$/.test(word) && /^[A-Z]/.test(word)) return [diagnostic(p, 'OP-LEAD', 'warning', `“${word}” is not a usual operative verb; check the wording (e.g. Decides, Requests, Encourages).`, range)];
  return [diagnostic(p, 'OP-LEAD', 'error', `An operative paragraph opens with a verb in the present tense (Decides, Requests, Urges …), not with “${word || body.slice(0, 12)}”.`, range)];
}
