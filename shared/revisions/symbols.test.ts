import { describe, expect, it } from 'vitest';
import { isIsoDate, nextSymbol, revisedType } from './symbols';

describe('symbols of revised drafts', () => {
  it('L.5 → L.5/Rev.1 → L.5/Rev.2 … Rev.10', () => {
    expect(nextSymbol('CTOC/COP/2024/L.5')).toBe('CTOC/COP/2024/L.5/Rev.1');
    expect(nextSymbol('CTOC/COP/2024/L.5/Rev.1')).toBe('CTOC/COP/2024/L.5/Rev.2');
    expect(nextSymbol('A/C.3/78/L.12/Rev.9')).toBe('A/C.3/78/L.12/Rev.10');
  });
  it('"revised" once', () => {
    expect(revisedType('draft resolution')).toBe('revised draft resolution');
    expect(revisedType('revised draft resolution')).toBe('revised draft resolution');
    expect(revisedType('draft decision')).toBe('revised draft decision');
    expect(revisedType('')).toBe('revised draft resolution');
  });
  it('dates as YYYY-MM-DD that exist', () => {
    expect(isIsoDate('2024-10-16')).toBe(true);
    expect(isIsoDate('2024-02-30')).toBe(false);
    expect(isIsoDate('16 October 2024')).toBe(false);
  });
});
