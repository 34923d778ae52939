import { describe, expect, it } from 'vitest';
import { pushWaitMs } from './live';

describe('live diagnostics push rate', () => {
  it('keeps the short debounce for a small committee on a short draft', () => {
    expect(pushWaitMs(5_000, 3, 40)).toBe(40);
    expect(pushWaitMs(0, 0, 40)).toBe(40);
  });

  it('waits longer as the notice and the audience grow, up to 2 s', () => {
    // ~70 kB of diagnostics (a 300-paragraph draft) to 12 delegations: ~400 ms between pushes, not 40.
    expect(pushWaitMs(70_000, 12, 40)).toBeCloseTo(400, -1);
    // To 193 delegations: the 2 s ceiling.
    expect(pushWaitMs(70_000, 193, 40)).toBe(2000);
    expect(pushWaitMs(10_000_000, 193, 40)).toBe(2000);
  });
});
