/**
 * What `from`, `to`, `version` and `changesSince` accept: an issued revision
 * by number ("rev:1") or symbol ("CTOC/COP/2024/L.5/Rev.1"), any point of the
 * history ("seq:123", the document right after update 123), or "current".
 */

export type VersionRef = { kind: 'revision'; number: number } | { kind: 'symbol'; symbol: string } | { kind: 'seq'; seq: number } | { kind: 'current' };

export class BadVersion extends Error {}

export function parseVersionRef(raw: string): VersionRef {
  const value = raw.trim();
  if (!value) throw new BadVersion('A version is empty: use rev:<n>, seq:<n>, current or the symbol of an issued revision');
  if (value === 'current') return { kind: 'current' };
  const m = /^(rev|seq):(.*)$/i.exec(value);
  if (m) {
    const n = Number(m[2]);
    const kind = m[1].toLowerCase();
    if (!/^\d+$/.test(m[2]) || !Number.isSafeInteger(n) || (kind === 'seq' && n < 1)) {
      throw new BadVersion(`"${value}" is not a version: ${kind}: needs ${kind === 'seq' ? 'a positive integer from the history' : 'a revision number (0 = the original, 1 = Rev.1 …)'}`);
    }
    return kind === 'rev' ? { kind: 'revision', number: n } : { kind: 'seq', seq: n };
  }
  if (/\/L\.\d+|\/Rev\.\d+$|\//.test(value)) return { kind: 'symbol', symbol: value };
  throw new BadVersion(`"${value}" is not a version: use rev:<n>, seq:<n>, current or the symbol of an issued revision`);
}
