import { describe, expect, it } from 'vitest';
import { pastedLines } from './paste';

describe('pastedLines', () => {
  it('drops typed numbers and letters and keeps the levels', () => {
    expect(pastedLines('3. Requests the report;\n(a) first item;\n(i) a sub-item;\n4. Decides to remain seized.')).toEqual([
      { text: 'Requests the report;', level: 0 },
      { text: 'first item;', level: 1 },
      { text: 'a sub-item;', level: 2 },
      { text: 'Decides to remain seized.', level: 0 },
    ]);
  });
  it('keeps leading and trailing line breaks as empty paragraphs and skips blank lines', () => {
    expect(pastedLines('\r\nOne\r\n\r\nTwo\n')).toEqual([
      { text: '', level: 0 },
      { text: 'One', level: 0 },
      { text: 'Two', level: 0 },
      { text: '', level: 0 },
    ]);
  });
});
