import { describe, expect, it } from 'vitest';
import type { CorpusDocument } from './corpus';
import { LanguageIndex } from './index';
import { documentProvenance, paragraphProvenance } from './provenance';

const prior: CorpusDocument = {
  id: 'res-10/2',
  symbol: 'resolution 10/2',
  body: 'Conference of the Parties',
  title: '',
  kind: 'resolution',
  date: '2020-10-16',
  paragraphs: [
    { label: 'OP27', text: 'Invites Member States and other donors to provide extrabudgetary resources for the purposes described above;' },
    { label: 'OP11', text: 'Encourages States parties to strengthen their domestic marking and record-keeping regimes;' },
  ],
};
const index = LanguageIndex.build([prior]);

describe('the provenance map', () => {
  it('splits a paragraph into agreed spans with their source and new spans', () => {
    const text = 'Invites Member States and other donors to provide extrabudgetary resources for a new trust fund on artificial intelligence;';
    const p = paragraphProvenance(index, { id: 'p1', label: 'OP3', text });
    expect(p.spans.map((s) => s.text).join('')).toBe(text);
    expect(p.spans[0].source?.citation).toBe('Conference resolution 10/2, OP27, 2020');
    expect(p.spans[0].text).toMatch(/^Invites Member States and other donors to provide extrabudgetary resources for /);
    expect(p.spans[1].source).toBeUndefined();
    expect(p.spans[1].text).toContain('artificial intelligence');
    expect(p.agreedShare).toBeGreaterThan(0.4);
    expect(p.agreedShare).toBeLessThan(0.8);
    expect(p).toMatchObject({ id: 'p1', label: 'OP3' });
  });

  it('does not count a few shared common words as agreed language', () => {
    const p = paragraphProvenance(index, { text: 'Decides to convene a meeting of experts on the resources of the States;' });
    expect(p.spans.every((s) => !s.source)).toBe(true);
    expect(p.agreedShare).toBe(0);
  });

  it('gives the share for the whole document, and honours the cut-off date', () => {
    const doc = documentProvenance(index, [{ text: prior.paragraphs[1].text }, { text: 'Decides to remain seized of the matter.' }]);
    expect(doc.paragraphs[0].agreedShare).toBe(1);
    expect(doc.paragraphs[1].agreedShare).toBe(0);
    expect(doc.agreedShare).toBeGreaterThan(0.5);
    expect(doc.agreedShare).toBeLessThan(1);
    expect(documentProvenance(index, [{ text: prior.paragraphs[1].text }], { before: '2020-01-01' }).agreedShare).toBe(0);
  });
});
