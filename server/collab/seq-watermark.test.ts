import { describe, expect, it } from 'vitest';
import { SeqWatermark } from './seq-watermark';

describe('SeqWatermark', () => {
  it('advances over a contiguous run and stops at a gap', () => {
    const w = new SeqWatermark();
    w.reset(3);
    w.applied(4);
    w.applied(6);
    expect(w.contiguous).toBe(4);
    expect(w.hasGap).toBe(true);
    expect(w.highest).toBe(6);
    w.applied(5);
    expect(w.contiguous).toBe(6);
    expect(w.hasGap).toBe(false);
  });

  it('ignores seqs already covered and closes gaps on reset', () => {
    const w = new SeqWatermark();
    w.applied(2);
    w.applied(1);
    w.applied(1);
    expect(w.contiguous).toBe(2);
    w.applied(9);
    w.reset(7);
    expect(w.contiguous).toBe(7);
    expect(w.hasGap).toBe(true);
    w.reset(8);
    expect(w.contiguous).toBe(9);
    expect(w.hasGap).toBe(false);
  });
});
