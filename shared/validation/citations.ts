/**
 * Citations of acts in the text: "its resolution 7/1 of 10 October 2014,
 * entitled “…”", "General Assembly resolution 72/55", "its resolutions 5/4
 * of …, 6/2 of … and 10/2 of …", "decision 4/6". Pure parsing into
 * structured citations; the checks are in rules/citations.ts.
 */
import { OPERATIVE_FIRST_WORDS, PREAMBULAR_FIRST_WORDS } from '../model/openers';
import { parseLongDate } from '../text/dates';

/** Capitalized words that open a paragraph, not a body's name ("Recalling General Assembly …"). */
const OPENING_WORDS = new Set([...OPERATIVE_FIRST_WORDS, ...PREAMBULAR_FIRST_WORDS, 'also', 'further']);

export interface Citation {
  /** Normalized body ("" when the text names none), "own" for the body's own acts. */
  body: string;
  kind: 'resolution' | 'decision';
  number: string;
  /** ISO date, when the citation gives one. */
  date?: string;
  title?: string;
  /** Offsets of this act's number … title in the text. */
  start: number;
  end: number;
  /** Where the number ends (a missing date goes there). */
  numberEnd: number;
}

const KEYWORD = /\b(resolution|decision)s?\s+(?=\d{1,3}\/\d)/gi;
const NUMBER = /^\d{1,3}\/\d{1,4}[A-Z]?/;
const DATE = /^ of (\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4})/;
const TITLE = /^,? entitled [“"]([^”"]{3,400})[”"]/;
const NEXT = /^(?:,\s*(?:and\s+)?|\s+and\s+)(?=\d{1,3}\/\d)/;
const BODY_WORDS = /((?:(?:[A-Z][\w’'-]*|of|the|to|on|against|and|for|in)\s+)+)$/;
/** Short forms by which a body cites itself. */
const SELF = new Set(['conference', 'the conference', 'council', 'the council', 'assembly', 'the assembly', 'commission', 'the commission']);

export const normalizeBody = (name: string) => name.replace(/^the\s+/i, '').replace(/[,\s]+$/, '').replace(/\s+/g, ' ').toLowerCase();

function bodyBefore(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - 160), at);
  if (/\bits\s+$/i.test(before)) return 'own';
  const m = BODY_WORDS.exec(before);
  if (!m) return '';
  // Drop leading lower-case words ("of the …") and a trailing "the".
  const words = m[1].trim().split(/\s+/);
  while (words.length && (/^[a-z]/.test(words[0]) || /(ing|ed)$/.test(words[0]) || OPENING_WORDS.has(words[0].toLowerCase()))) words.shift();
  const name = words.join(' ');
  if (!name) return '';
  return SELF.has(name.toLowerCase()) ? 'own' : normalizeBody(name);
}

export function parseCitations(text: string): Citation[] {
  const out: Citation[] = [];
  for (const m of text.matchAll(KEYWORD)) {
    const kind = m[1].toLowerCase() as Citation['kind'];
    const body = bodyBefore(text, m.index!);
    let at = m.index! + m[0].length;
    for (;;) {
      const num = NUMBER.exec(text.slice(at));
      if (!num) break;
      const start = at;
      at += num[0].length;
      const numberEnd = at;
      const citation: Citation = { body, kind, number: num[0], start, end: at, numberEnd };
      const date = DATE.exec(text.slice(at));
      if (date) {
        citation.date = parseLongDate(date[1]) ?? undefined;
        at += date[0].length;
      }
      const title = TITLE.exec(text.slice(at));
      if (title) {
        citation.title = title[1].trim();
        at += title[0].length;
      }
      citation.end = at;
      out.push(citation);
      const next = NEXT.exec(text.slice(at));
      if (!next) break;
      at += next[0].length;
    }
  }
  return out;
}

/** The key of an act: "own" is resolved to the citing document's body. */
export function actKey(c: Pick<Citation, 'body' | 'kind' | 'number'>, ownBody: string): string {
  return `${c.body === 'own' ? ownBody : c.body}|${c.kind}|${c.number}`;
}

/** What prior documents say about acts: plain JSON, built by the server from the corpus. */
export interface CitationCorpus {
  acts: Record<string, { date?: string; title?: string; source: string }>;
}

export const emptyCorpus = (): CitationCorpus => ({ acts: {} });

/** The document's own body, from its authority line ("The General Assembly," → "general assembly"). */
export const ownBodyOf = (authority: string, fallback = '') => normalizeBody(authority || fallback) || 'own';
