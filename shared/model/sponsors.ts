/** The sponsors line of a masthead, as printed and as the editor shows it. */
import type { Masthead } from './types';

/** "Mexico", "Mexico and Norway", "Mexico, Norway and Kenya". */
export function sponsorList(sponsors: readonly string[]): string {
  const names = sponsors.map((s) => s.trim()).filter(Boolean);
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "Mexico, Norway and Kenya: revised draft resolution"; without sponsors, "Draft resolution". */
export function sponsorsLine(m: Pick<Masthead, 'sponsors' | 'documentType'>): string {
  const type = m.documentType.trim() || 'draft resolution';
  const names = sponsorList(m.sponsors);
  return names ? `${names}: ${type}` : type.charAt(0).toUpperCase() + type.slice(1);
}
