/**
 * What issuing the next revision means, before anything is written: its
 * number, symbol (derived from the previous one unless given), date,
 * sponsors, and the masthead the issued text carries. Pure, apart from the
 * masthead edit that changeOnBehalf runs on a copy of the document.
 */
import type * as Y from 'yjs';
import { MASTHEAD_MAP } from '../../shared/editor/schema';
import type { Masthead } from '../../shared/model/types';
import { isIsoDate, nextSymbol, revisedType, today } from '../../shared/revisions/symbols';
import type { RevisionSummary } from '../storage/revision-store';
import { RevisionError } from './errors';

export interface IssueRequest {
  symbol?: string;
  date?: string;
  sponsors?: string[];
  override?: { reason: string };
}

export interface IssuePlan {
  number: number;
  symbol: string;
  date: string;
  sponsors: string[];
  /** The masthead fields the issued text has: symbol, date, sponsors, and "revised …" from Rev.1 on. */
  masthead: Partial<Masthead>;
}

export function planIssue(existing: readonly RevisionSummary[], current: Masthead, req: IssueRequest): IssuePlan {
  const last = existing.at(-1) ?? null;
  const number = last ? last.number + 1 : 0;
  const symbol = (req.symbol ?? (last ? nextSymbol(last.symbol) : current.symbol)).trim();
  if (!symbol) throw new RevisionError(400, 'The document has no symbol yet: give one, e.g. {"symbol": "CTOC/COP/2024/L.5"}');
  const taken = existing.find((r) => r.symbol === symbol);
  if (taken) throw new RevisionError(409, `${symbol} has already been issued (revision ${taken.number})`);
  const date = req.date ?? today();
  if (!isIsoDate(date)) throw new RevisionError(400, `"date" must be a date as YYYY-MM-DD, not "${date}"`);
  const sponsors = req.sponsors ?? current.sponsors;
  const masthead: Partial<Masthead> = { symbol, date, sponsors, ...(number > 0 ? { documentType: revisedType(current.documentType) } : {}) };
  return { number, symbol, date, sponsors, masthead };
}

/** The edit (for changeOnBehalf) that gives the document the issued masthead; unchanged fields are left alone. */
export function mastheadEdit(masthead: Partial<Masthead>) {
  return (copy: Y.Doc) => {
    const map = copy.getMap<unknown>(MASTHEAD_MAP);
    copy.transact(() => {
      for (const [key, value] of Object.entries(masthead)) {
        if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, Array.isArray(value) ? [...value] : value);
      }
    });
  };
}
