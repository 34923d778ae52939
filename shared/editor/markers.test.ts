import { describe, expect, it } from 'vitest';
import { footnoteNumbers, operativeMarkers } from './markers';

const op = { type: 'operative_paragraph' };
const sub = (level: number) => ({ type: 'subparagraph', level });

describe('operativeMarkers', () => {
  it('numbers operative paragraphs and letters subparagraphs, restarting per paragraph', () => {
    expect(operativeMarkers([op, sub(1), sub(1), sub(2), sub(2), sub(1), op, sub(1)])).toEqual([
      '1.', '(a)', '(b)', '(i)', '(ii)', '(c)', '2.', '(a)',
    ]);
  });
  it('leaves a single operative paragraph unnumbered', () => {
    expect(operativeMarkers([op, sub(1)])).toEqual(['', '(a)']);
  });
  it('renumbers after a paragraph is inserted in the middle', () => {
    expect(operativeMarkers([op, op, op])).toEqual(['1.', '2.', '3.']);
  });
  it('never skips a level: a stray level-2 item first becomes (a)', () => {
    expect(operativeMarkers([op, sub(2), sub(2)])).toEqual(['', '(a)', '(i)']);
  });
});

describe('footnoteNumbers', () => {
  it('numbers by first reference', () => {
    expect([...footnoteNumbers(['b', 'a', 'b', null, 'c'])]).toEqual([['b', 1], ['a', 2], ['c', 3]]);
  });
});
