/** AUTH-LINE: the authority line is the full name of the body, ending with a comma (spec §1). */
import type { Resolution } from '../../model/types';
import type { Diagnostic } from '../types';
import { diagnostic, replaceFix, tailOf } from './diagnostic';

const PARAGRAPH = { id: 'authority', label: 'Authority' };

export function authorityLine(res: Resolution): Diagnostic[] {
  const text = res.authority;
  if (!text.trim()) return [diagnostic(PARAGRAPH, 'AUTH-LINE', 'error', 'The authority line is missing (e.g. “The General Assembly,”).')];
  const out: Diagnostic[] = [];
  const abbreviation = /\b[A-Z]{2,}\b/.exec(text);
  if (abbreviation) out.push(diagnostic(PARAGRAPH, 'AUTH-LINE', 'error', `The authority line gives the full name of the body, not the abbreviation “${abbreviation[0]}”.`, { start: abbreviation.index, end: abbreviation.index + abbreviation[0].length }));
  const end = tailOf(text);
  if (!text.slice(0, end).endsWith(',')) {
    const last = text.charAt(end - 1);
    const replacing = /[.;:]/.test(last);
    out.push(diagnostic(PARAGRAPH, 'AUTH-LINE', 'error', 'The authority line ends with a comma.', { start: Math.max(0, end - 1), end }, replaceFix('Add a comma', replacing ? end - 1 : end, end, ',')));
  }
  return out;
}
