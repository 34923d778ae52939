/**
 * Document symbols of revised drafts: the original is issued as
 * "CTOC/COP/2024/L.5", its revisions as "…/L.5/Rev.1", "…/L.5/Rev.2".
 */

const REV = /\/Rev\.(\d+)$/;

/** The symbol of the revision after the one with `previous` as its symbol. */
export function nextSymbol(previous: string): string {
  const m = REV.exec(previous);
  return m ? previous.replace(REV, `/Rev.${Number(m[1]) + 1}`) : `${previous}/Rev.1`;
}

/** "draft resolution" → "revised draft resolution" (unchanged when already revised). */
export function revisedType(documentType: string): string {
  const type = documentType.trim() || 'draft resolution';
  return /^revised\b/i.test(type) ? type : `revised ${type}`;
}

/** The ISO date of today (UTC), as printed under the symbol. */
export const today = () => new Date().toISOString().slice(0, 10);

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}
