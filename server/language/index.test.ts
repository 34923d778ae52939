import { describe, expect, it } from 'vitest';
import type { CorpusDocument, CorpusKind } from './corpus';
import { LanguageIndex } from './index';
import { suggest } from './suggest';

const BODY = 'Conference of the Parties to the United Nations Convention against Transnational Organized Crime';
const doc = (id: string, kind: CorpusKind, date: string, paragraphs: Record<string, string>, body = BODY): CorpusDocument => ({
  id,
  symbol: id,
  body,
  title: `Title of ${id}`,
  kind,
  date,
  paragraphs: Object.entries(paragraphs).map(([label, text]) => ({ label, text })),
});

const DONORS = 'Invites Member States and other donors to provide extrabudgetary resources for the purposes described above, in accordance with the rules and procedures of the United Nations;';
const FILLER = {
  PP1: 'Recalling the functions assigned to it in article 32 of the Convention,',
  OP1: 'Encourages States parties to strengthen their domestic marking and record-keeping regimes;',
  OP2: 'Requests the Secretariat to report to the Conference at its next session on the implementation of the present resolution.',
};

describe('the agreed-language index', () => {
  it('ranks the paragraph with exactly the same words first, whatever the authority of the others', () => {
    const index = LanguageIndex.build([
      doc('res-10/2', 'resolution', '2020-10-16', { ...FILLER, OP3: `${DONORS.slice(0, -1)} and to report thereon;` }),
      doc('draft', 'draft', '2024-10-17', { OP9: DONORS }),
    ]);
    const [first, second] = suggest(index, DONORS);
    expect(first.source.document).toBe('draft');
    expect(first.score).toBe(1);
    expect(second.source.document).toBe('res-10/2');
    expect(second.score).toBeLessThan(1);
  });

  it('orders equally good continuations by authority (same body first, chairs’ summaries last), then recency', () => {
    const cont = (tail: string) => `Invites Member States and other donors to provide extrabudgetary resources ${tail}`;
    const index = LanguageIndex.build([
      doc('summary', 'chair-summary', '2023-07-01', { DP1: cont('to the working group;') }, 'Working Group on Firearms'),
      doc('draft', 'draft', '2024-10-17', { OP1: cont('for the training of officials;') }),
      doc('res-old', 'resolution', '2012-10-19', { ...FILLER, OP3: cont('for technical assistance;') }),
      doc('res-new', 'resolution', '2020-10-16', { OP4: cont('for the purposes described above;') }),
      doc('ga', 'resolution', '2022-12-01', { OP5: cont('for the global programme;') }, 'General Assembly'),
      doc('recs', 'recommendations', '2016-09-28', { 'para 12': cont('to the Secretariat;') }, 'Working Group on Firearms'),
    ]);
    const typed = 'Invites Member States and other donors to provide extrabudgetary';
    const order = suggest(index, typed, { limit: 10, body: BODY }).map((s) => s.source.document);
    // (The filler paragraphs of res-old share a few words and follow, far behind.)
    expect(order.slice(0, 6)).toEqual(['res-new', 'res-old', 'ga', 'draft', 'recs', 'summary']);
    // Without a drafting body, every adopted resolution counts as the same body: newest first.
    expect(suggest(index, typed, { limit: 3 }).map((s) => s.source.document)).toEqual(['ga', 'res-new', 'res-old']);
  });

  it('counts only documents issued before the cut-off date', () => {
    const index = LanguageIndex.build([doc('res-10/2', 'resolution', '2020-10-16', { OP27: DONORS }), doc('res-6/2', 'resolution', '2012-10-19', FILLER)]);
    expect(suggest(index, DONORS, { before: '2020-10-17' })[0].source.paragraph).toBe('OP27');
    expect(suggest(index, DONORS, { before: '2020-10-16' }).map((s) => s.source.document)).not.toContain('res-10/2');
    expect(suggest(index, DONORS, { before: '2000-01-01' })).toEqual([]);
  });

  it('finds the paragraph from its opening words, a half-typed last word, and typos', () => {
    const index = LanguageIndex.build([doc('res-10/2', 'resolution', '2020-10-16', { ...FILLER, OP27: DONORS })]);
    expect(suggest(index, 'Invites Member States and other donors to provide extrabud')[0].source.paragraph).toBe('OP27');
    expect(suggest(index, 'Invitse Member Stotes and other donors to pravide extrabudgetary')[0].source.paragraph).toBe('OP27');
  });

  it('names its source and diffs word by word against what is typed', () => {
    const index = LanguageIndex.build([doc('resolution 10/2', 'resolution', '2020-10-16', { ...FILLER, OP27: DONORS })]);
    const [s] = suggest(index, 'Invites States and other donors to give extrabudgetary resources');
    expect(s.source).toMatchObject({ document: 'resolution 10/2', paragraph: 'OP27', date: '2020-10-16', kind: 'resolution', citation: 'Conference resolution 10/2, OP27, 2020' });
    // Equal and inserted parts rebuild the suggestion; deleted parts are the typed words it lacks.
    expect(s.diff.filter((d) => d.op !== 'delete').map((d) => d.text).join('')).toBe(DONORS);
    expect(s.diff.filter((d) => d.op === 'delete').map((d) => d.text.trim())).toEqual(['give']);
    expect(s.diff.filter((d) => d.op === 'insert').map((d) => d.text.trim())[0]).toBe('Member');
    expect(s.changes).toBe(3);
  });

  it('returns nothing for an empty corpus or a query of unknown words', () => {
    expect(suggest(LanguageIndex.build([]), 'Invites Member States')).toEqual([]);
    const index = LanguageIndex.build([doc('res', 'resolution', '2020-10-16', FILLER)]);
    expect(suggest(index, 'zzzz qqqq xxxx')).toEqual([]);
  });

  it('writes "the United Nations Office on Drugs and Crime" and "UNODC" as the same words', () => {
    const index = LanguageIndex.build([doc('res', 'resolution', '2020-10-16', { OP1: 'Requests the United Nations Office on Drugs and Crime to continue to assist States;', OP2: FILLER.OP2 })]);
    const [s] = suggest(index, 'Requests UNODC to continue to assist States;');
    expect(s.source.paragraph).toBe('OP1');
    expect(s.score).toBeGreaterThan(0.9);
  });
});
