/**
 * Words of a paragraph, normalized for matching but keeping their offsets in
 * the original text, so that matches can be shown as spans of that text.
 */

export interface Token {
  /** Lower-case, accents and apostrophes removed, plural "s" stripped: "States'" → "state". */
  norm: string;
  start: number;
  end: number;
}

// A word: letters/digits, with inner apostrophes, slashes (act numbers "7/1") and dots ("U.N.").
const WORD = /[\p{L}\p{N}]+(?:['’/.][\p{L}\p{N}]+)*/gu;

export function normalizeWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]/g, '')
    .toLowerCase();
}

/**
 * A light stemmer: plural and third-person "s" only ("requests" → "request",
 * "parties" → "party"), so that "Requests UNODC" in a resolution and
 * "request UNODC" in a recommendation share their words. Deliberately no
 * more: agreed language is about the exact words.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !/(ss|us|is|ous)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * Names that agreed language writes both in full and as an acronym; each
 * counts as one word. Keys are the full names' stemmed words.
 */
const ALIASES: Array<{ words: string[]; as: string }> = [
  { words: ['united', 'nation', 'office', 'on', 'drug', 'and', 'crime'], as: 'unodc' },
];

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) out.push({ norm: stem(normalizeWord(m[0])), start: m.index!, end: m.index! + m[0].length });
  return mergeAliases(out);
}

function mergeAliases(tokens: Token[]): Token[] {
  if (!tokens.some((t) => t.norm === 'united')) return tokens;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const alias = ALIASES.find((a) => a.words.every((w, k) => tokens[i + k]?.norm === w));
    if (alias) {
      out.push({ norm: alias.as, start: tokens[i].start, end: tokens[i + alias.words.length - 1].end });
      i += alias.words.length - 1;
    } else out.push(tokens[i]);
  }
  return out;
}

export const words = (text: string): string[] => tokenize(text).map((t) => t.norm);
