/**
 * The registry of acts cited in the corpus: number → body, date, exact
 * title, and where that was read. It feeds the citation checks (adopted
 * texts only: they are the authority on dates and titles) and citation
 * completion (every text: a draft may be the only one to give a title).
 */
import { formatLongDate } from '../../shared/text/dates';
import { actKey, normalizeBody, parseCitations, type CitationCorpus } from '../../shared/validation/citations';
import { authorityRank } from './authority';
import type { CorpusDocument } from './corpus';

export interface Act {
  key: string;
  /** Normalized name of the body that adopted it. */
  body: string;
  kind: 'resolution' | 'decision';
  number: string;
  date?: string;
  title?: string;
  /** Where the date and title were read: "resolution 10/2 (adopted 16 October 2020)". */
  source: string;
}

export interface ActRegistry {
  acts: Map<string, Act>;
}

const SELF = /^(resolution|decision) (\d{1,3}\/\d{1,4}[A-Z]?)$/;

export function buildActRegistry(documents: readonly CorpusDocument[], options: { adoptedOnly?: boolean } = {}): ActRegistry {
  const acts = new Map<string, Act>();
  // Most authoritative, then newest, first: the first to state a date or title wins.
  const ordered = documents
    .filter((d) => !options.adoptedOnly || d.kind === 'resolution')
    .slice()
    .sort((a, b) => authorityRank(a) - authorityRank(b) || b.date.localeCompare(a.date));
  for (const doc of ordered) {
    const own = normalizeBody(doc.body) || 'own';
    const source = `${doc.symbol || doc.title} (${doc.kind === 'resolution' ? 'adopted' : 'issued'} ${formatLongDate(doc.date)})`;
    const self = SELF.exec(doc.symbol);
    if (self && doc.kind === 'resolution') {
      const kind = self[1] as Act['kind'];
      const key = actKey({ body: 'own', kind, number: self[2] }, own);
      acts.set(key, { key, body: own, kind, number: self[2], date: doc.date, title: doc.title || undefined, source: `the text of ${doc.symbol}` });
    }
    for (const p of doc.paragraphs) {
      for (const c of parseCitations(p.text)) {
        const key = actKey(c, own);
        let act = acts.get(key);
        if (!act) acts.set(key, (act = { key, body: c.body === 'own' ? own : c.body, kind: c.kind, number: c.number, source }));
        if (!act.date && c.date) act.date = c.date;
        if (!act.title && c.title) act.title = c.title;
      }
    }
  }
  return { acts };
}

/** The registry in the shape the validation rules read (shared/validation). */
export function citationCorpusOf(registry: ActRegistry): CitationCorpus {
  const acts: CitationCorpus['acts'] = {};
  for (const act of registry.acts.values()) acts[act.key] = { date: act.date, title: act.title, source: act.source };
  return { acts };
}

export interface CitationCompletion {
  /** The text that completes what was typed: "7/1 of 10 October 2014, entitled “…”". */
  completion: string;
  /** What replaces the typed number: "7/1 of 10 October 2014, entitled “…”" (from the number's start). */
  text: string;
  /** Characters of the typed text the completion replaces (the typed part of the number). */
  replace: number;
  act: Act;
}

// "its resolution 7/", "General Assembly resolution 72/5", "decision 4/" at the end of the typed text.
const TYPED = /\b(resolution|decision)s?\s+(\d{1,3}(?:\/\d{0,4})?)$/i;

/**
 * Completions for a citation being typed at the end of `text`. `body` is the
 * drafting body (for "its resolution"); acts of other bodies match when the
 * typed text names them.
 */
export function completeCitation(registry: ActRegistry, text: string, options: { body?: string; limit?: number } = {}): CitationCompletion[] {
  const m = TYPED.exec(text);
  if (!m) return [];
  const kind = m[1].toLowerCase() as Act['kind'];
  const typed = m[2];
  const before = text.slice(0, m.index);
  const own = options.body ? normalizeBody(options.body) : undefined;
  // The body named before the keyword, if any ("General Assembly resolution 7…"); "its" means the drafting body.
  const named = /\bits\s+$/i.test(before) ? own : (parseCitations(`${before}${m[1]} 1/1`).at(-1)?.body ?? '') || undefined;
  const out: CitationCompletion[] = [];
  for (const act of registry.acts.values()) {
    if (act.kind !== kind || !act.number.startsWith(typed)) continue;
    if (named && named !== 'own' && act.body !== named) continue;
    const text = `${act.number}${act.date ? ` of ${formatLongDate(act.date)}` : ''}${act.title ? `, entitled “${act.title}”` : ''}`;
    out.push({ completion: text.slice(typed.length), text, replace: typed.length, act });
  }
  // Fullest first (with date and title), then by number.
  out.sort((a, b) => score(b.act) - score(a.act) || a.act.number.localeCompare(b.act.number, 'en', { numeric: true }));
  return out.slice(0, options.limit ?? 8);
}

const score = (a: Act) => (a.date ? 1 : 0) + (a.title ? 1 : 0);
