import { describe, expect, it } from 'vitest';
import { BadVersion, parseVersionRef } from './versions';

describe('version references', () => {
  it('rev:, seq:, current and symbols', () => {
    expect(parseVersionRef('rev:0')).toEqual({ kind: 'revision', number: 0 });
    expect(parseVersionRef('REV:2')).toEqual({ kind: 'revision', number: 2 });
    expect(parseVersionRef('seq:123')).toEqual({ kind: 'seq', seq: 123 });
    expect(parseVersionRef(' current ')).toEqual({ kind: 'current' });
    expect(parseVersionRef('CTOC/COP/2024/L.5/Rev.1')).toEqual({ kind: 'symbol', symbol: 'CTOC/COP/2024/L.5/Rev.1' });
  });
  it('refuses anything else with a message that says what is accepted', () => {
    for (const bad of ['', 'rev:', 'rev:-1', 'rev:1.5', 'seq:0', 'seq:abc', 'yesterday', '42']) expect(() => parseVersionRef(bad), bad).toThrow(BadVersion);
    expect(() => parseVersionRef('latest')).toThrow(/use rev:<n>, seq:<n>, current or the symbol of an issued revision/);
  });
});
