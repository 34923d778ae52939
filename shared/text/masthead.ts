/**
 * The masthead lines of a draft: body, symbol, distribution and date,
 * original language, session and place, agenda item, and the sponsors line.
 * PDF conversions run several of them together on one line, so fields are
 * found by pattern, not by position.
 */
import { emptyMasthead, type Masthead } from '../model/types';
import { bare, type Block } from './blocks';
import { formatLongDate, LONG_DATE, parseLongDate } from './dates';

export const SYMBOL_RE = /\b(?:[A-Z][A-Z0-9.]*(?:\/[A-Z0-9.]+)*\/L\.\d+(?:\/(?:Rev|Add|Corr)\.\d+)*|S\/\d{4}\/\d+)\b/;
const SESSION_RE = /\b((?:[A-Z][a-z]+-)?[A-Z]?[a-z]+(?:-[a-z]+)? (?:special |resumed )?session|\d{4} session)\b/;
const PLACE_RE = /^([A-Z][A-Za-z .'-]+, \d{1,2}(?:\s*[–-]\s*\d{1,2})?(?: [A-Z][a-z]+)? \d{4})\b/;
const SPONSORS_RE = /^(.+?):\s*((?:revised )?draft (?:resolution|decision))\s*$/i;
const BODY_RE = /^(General Assembly|Security Council|Economic and Social Council|Human Rights Council|Conference of the (?:States )?Parties\b.*|Commission\b.*|Council\b.*)$/;

export function parseMasthead(blocks: Block[]): Masthead {
  const m = emptyMasthead();
  m.distribution = '';
  m.originalLanguage = '';
  m.documentType = '';
  for (const block of blocks) {
    let text = bare(block.text).replace(/\*+$/, '');
    const symbol = SYMBOL_RE.exec(text);
    if (symbol && !m.symbol) {
      m.symbol = symbol[0];
      text = text.replace(symbol[0], '').trim();
      if (!text) continue;
    }
    const sponsors = SPONSORS_RE.exec(text);
    if (sponsors) {
      m.sponsors = sponsors[1].split(/,\s*|\s+and\s+/).map((s) => s.trim()).filter(Boolean);
      m.documentType = sponsors[2].toLowerCase();
      continue;
    }
    const distr = /^Distr\.:\s*(\w+)\s*(.*)$/.exec(text);
    if (distr) {
      m.distribution = distr[1];
      const date = parseLongDate(distr[2]);
      if (date) m.date = date;
      continue;
    }
    const original = /^(?:Original:\s*(\w+)|(\w+) only)$/.exec(text);
    if (original) {
      m.originalLanguage = original[1] ?? original[2];
      continue;
    }
    if (/^\d{1,2} [A-Z][a-z]+ \d{4}$/.test(text) && LONG_DATE.test(text)) {
      m.date = parseLongDate(text) ?? m.date;
      continue;
    }
    const adopted = /^Resolution (\S+)$/i.exec(text);
    if (adopted) {
      m.documentType = `resolution ${adopted[1]}`;
      continue;
    }
    // Session, place and agenda item, possibly run together on one line.
    let rest = text;
    const session = SESSION_RE.exec(rest);
    if (session && session.index === 0) {
      m.session = session[1];
      rest = rest.slice(session[0].length).trim();
    }
    const place = PLACE_RE.exec(rest);
    if (place && (session || !m.place) && !/^Agenda/i.test(rest)) {
      m.place = place[1];
      rest = rest.slice(place[0].length).trim();
    }
    const agenda = /(?:Agenda item|Item) .*/.exec(rest);
    if (agenda) {
      m.agendaItem = agenda[0];
      rest = rest.slice(0, agenda.index).trim();
    }
    if (!rest) continue;
    if (!m.body && BODY_RE.test(rest)) m.body = rest;
    else if (m.agendaItem && !session && !place) m.agendaItem += ' ' + rest;
  }
  return m;
}

/** Is this block a masthead field (and so not a title)? */
export function isMastheadBlock(block: Block): boolean {
  return JSON.stringify(parseMasthead([block])) !== JSON.stringify(parseMasthead([]));
}

/** The masthead as plain-text lines, one field per block (re-importable). */
export function serializeMasthead(m: Masthead): string[] {
  const out: string[] = [];
  if (m.body) out.push(`## ${m.body}`);
  if (m.symbol) out.push(m.symbol);
  if (m.distribution || m.date) out.push(`Distr.: ${m.distribution || 'General'}${m.date ? ' ' + formatLongDate(m.date) : ''}`);
  if (m.originalLanguage) out.push(`Original: ${m.originalLanguage}`);
  if (m.session) out.push(m.session);
  if (m.place) out.push(m.place);
  if (m.agendaItem) out.push(m.agendaItem);
  if (m.sponsors.length && m.documentType) out.push(`${m.sponsors.join(', ')}: ${m.documentType}`);
  else if (/^resolution \S+$/.test(m.documentType)) out.push('Resolution ' + m.documentType.slice('resolution '.length));
  return out;
}
