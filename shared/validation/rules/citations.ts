/**
 * CIT-DUP, CIT-DATE, CIT-TITLE, CIT-NODATE: an act is cited once per
 * paragraph, always with the same date and title, in the draft and in the
 * corpus of prior documents (spec §4).
 */
import { formatLongDate } from '../../text/dates';
import { actKey, type Citation, type CitationCorpus } from '../citations';
import type { Paragraph } from '../paragraphs';
import type { Diagnostic } from '../types';
import { diagnostic, replaceFix } from './diagnostic';

export interface CitedIn {
  paragraph: Paragraph;
  citations: Citation[];
}

const sameTitle = (a: string, b: string) => a.replace(/\s+/g, ' ').toLowerCase() === b.replace(/\s+/g, ' ').toLowerCase();
const name = (c: Citation) => `${c.kind} ${c.number}`;

export function citationChecks(cited: CitedIn[], ownBody: string, corpus: CitationCorpus): Diagnostic[] {
  const out: Diagnostic[] = [];
  const firstDate = new Map<string, { date: string; label: string }>();
  const firstTitle = new Map<string, { title: string; label: string }>();
  for (const { paragraph: p, citations } of cited) {
    const seen = new Set<string>();
    for (const c of citations) {
      const key = actKey(c, ownBody);
      const range = { start: c.start, end: c.end };
      if (seen.has(key)) out.push(diagnostic(p, 'CIT-DUP', 'warning', `${name(c)} is cited twice in this paragraph.`, range));
      seen.add(key);
      const known = corpus.acts[key];
      if (c.date) {
        const earlier = firstDate.get(key);
        if (earlier && earlier.date !== c.date) out.push(diagnostic(p, 'CIT-DATE', 'error', `${name(c)} is dated ${formatLongDate(c.date)} here but ${formatLongDate(earlier.date)} in ${earlier.label}.`, range));
        else if (known?.date && known.date !== c.date) {
          const at = c.numberEnd + ' of '.length;
          const old = formatLongDate(c.date);
          out.push(diagnostic(p, 'CIT-DATE', 'warning', `${name(c)} is dated ${formatLongDate(known.date)} in ${known.source}, not ${old}.`, range, replaceFix(`Use ${formatLongDate(known.date)}`, at, at + old.length, formatLongDate(known.date))));
        }
        if (!earlier) firstDate.set(key, { date: c.date, label: p.label });
      } else {
        const date = firstDate.get(key)?.date ?? known?.date;
        out.push(
          diagnostic(p, 'CIT-NODATE', 'warning', `${name(c)} is cited without its date${date ? ` (${formatLongDate(date)})` : ''}.`, range, date ? replaceFix(`Add “of ${formatLongDate(date)}”`, c.numberEnd, c.numberEnd, ` of ${formatLongDate(date)}`) : undefined),
        );
      }
      if (c.title) {
        const earlier = firstTitle.get(key);
        if (earlier && !sameTitle(earlier.title, c.title)) out.push(diagnostic(p, 'CIT-TITLE', 'warning', `The title of ${name(c)} differs from its citation in ${earlier.label}.`, range));
        else if (known?.title && !sameTitle(known.title, c.title)) out.push(diagnostic(p, 'CIT-TITLE', 'warning', `The title of ${name(c)} differs from ${known.source}: “${known.title}”.`, range));
        if (!earlier) firstTitle.set(key, { title: c.title, label: p.label });
      }
    }
  }
  return out;
}
