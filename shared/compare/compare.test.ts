import { describe, expect, it } from 'vitest';
import { emptyMasthead, type OperativeParagraph, type Resolution } from '../model/types';
import { compareResolutions } from './compare';
import { FOOTNOTE_MARK } from './units';
import { sidesOf, wordDiff } from './words';

const op = (id: string, text: string, subs: Array<[string, string]> = []): OperativeParagraph => ({
  kind: 'operative',
  id,
  content: [{ type: 'text', text }],
  subparagraphs: subs.map(([sid, t]) => ({ kind: 'subparagraph', id: sid, content: [{ type: 'text', text: t }], subparagraphs: [] })),
});

const resolution = (ops: OperativeParagraph[], pps: Array<[string, string]> = []): Resolution => ({
  masthead: emptyMasthead(),
  title: [{ type: 'text', text: 'Countering crime' }],
  authority: 'The Conference of the Parties,',
  preamble: pps.map(([id, text]) => ({ kind: 'preambular', id, content: [{ type: 'text', text }] })),
  operative: ops,
  footnotes: [],
});

const body = (r: ReturnType<typeof compareResolutions>) => r.paragraphs.filter((p) => p.kind !== 'title' && p.kind !== 'authority');

describe('wordDiff', () => {
  it('keeps both texts exactly and marks whole words', () => {
    const from = 'Requests the Secretariat to report, in 2026, on the matter;';
    const to = 'Urges the Secretariat to report, in 2027, on the whole matter;';
    const parts = wordDiff(from, to);
    expect(sidesOf(parts)).toEqual({ from, to });
    expect(parts).toEqual([
      { op: 'delete', text: 'Requests' },
      { op: 'insert', text: 'Urges' },
      { op: 'equal', text: ' the Secretariat to report, in ' },
      { op: 'delete', text: '2026' },
      { op: 'insert', text: '2027' },
      { op: 'equal', text: ', on the ' },
      { op: 'insert', text: 'whole ' },
      { op: 'equal', text: 'matter;' },
    ]);
  });

  it('folds a lone space between two changes into one replacement', () => {
    expect(wordDiff('Requests the States', 'Urges all States')).toEqual([
      { op: 'delete', text: 'Requests the' },
      { op: 'insert', text: 'Urges all' },
      { op: 'equal', text: ' States' },
    ]);
  });

  it('handles empty texts', () => {
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('', 'New text')).toEqual([{ op: 'insert', text: 'New text' }]);
    expect(wordDiff('Old', '')).toEqual([{ op: 'delete', text: 'Old' }]);
  });
});

describe('compareResolutions', () => {
  it('finds nothing between identical versions', () => {
    const r = resolution([op('a', 'Urges States;'), op('b', 'Requests UNODC.')]);
    const c = compareResolutions(r, structuredClone(r));
    expect(c.summary).toEqual({ added: 0, deleted: 0, moved: 0, changed: 0 });
    expect(c.paragraphs.every((p) => p.status === 'unchanged')).toBe(true);
  });

  it('aligns by id: added, deleted (where it stood) and changed words, with old and new labels', () => {
    const from = resolution([op('a', 'Urges States to act;'), op('b', 'Decides to remain seized.'), op('c', 'Requests a report.')]);
    const to = resolution([op('a', 'Urges all States to act;'), op('c', 'Requests a report.'), op('d', 'Invites donors.')]);
    const c = body(compareResolutions(from, to));
    expect(c.map((p) => [p.id, p.status, p.from?.label, p.to?.label])).toEqual([
      ['a', 'changed', 'OP1', 'OP1'],
      ['b', 'deleted', 'OP2', undefined],
      ['c', 'unchanged', 'OP3', 'OP2'],
      ['d', 'added', undefined, 'OP3'],
    ]);
    expect(c[0].parts).toEqual([
      { op: 'equal', text: 'Urges ' },
      { op: 'insert', text: 'all ' },
      { op: 'equal', text: 'States to act;' },
    ]);
    expect(c[1].parts).toEqual([{ op: 'delete', text: 'Decides to remain seized.' }]);
    expect(c[3].parts).toEqual([{ op: 'insert', text: 'Invites donors.' }]);
  });

  it('recognizes a moved paragraph as a move, not a deletion and an addition', () => {
    const from = resolution([op('a', 'First;'), op('b', 'Second;'), op('c', 'Third;'), op('d', 'Fourth.')]);
    const to = resolution([op('a', 'First;'), op('c', 'Third;'), op('d', 'Fourth;'), op('b', 'Second, amended.')]);
    const c = compareResolutions(from, to);
    const moved = c.paragraphs.filter((p) => p.status === 'moved');
    expect(moved.map((p) => [p.id, p.from?.label, p.to?.label, p.textChanged])).toEqual([['b', 'OP2', 'OP4', true]]);
    expect(c.summary).toEqual({ added: 0, deleted: 0, moved: 1, changed: 2 });
    expect(moved[0].parts).toEqual([
      { op: 'equal', text: 'Second' },
      { op: 'delete', text: ';' },
      { op: 'insert', text: ', amended.' },
    ]);
  });

  it('compares subparagraphs, preambular paragraphs, title and authority', () => {
    const from = resolution([op('a', 'Requests:', [['s1', 'to report;'], ['s2', 'to assist.']])], [['p1', 'Recalling its resolution;']]);
    const to = resolution([op('a', 'Requests:', [['s2', 'to assist.']])], [['p1', 'Recalling also its resolution;']]);
    to.title = [{ type: 'text', text: 'Countering organized crime' }];
    const c = compareResolutions(from, to);
    const byId = new Map(c.paragraphs.map((p) => [p.id, p]));
    expect(byId.get('s1')?.status).toBe('deleted');
    expect(byId.get('s1')?.from?.label).toBe('OP1(a)');
    expect(byId.get('s2')?.from?.label).toBe('OP1(b)');
    expect(byId.get('s2')?.to?.label).toBe('OP1(a)');
    expect(byId.get('s2')?.status).toBe('unchanged');
    expect(byId.get('p1')?.parts.find((p) => p.op === 'insert')?.text).toBe('also ');
    expect(byId.get('title')?.status).toBe('changed');
    expect(byId.get('authority')?.status).toBe('unchanged');
  });

  it('keeps footnote references as marks and compares footnotes', () => {
    const from = resolution([op('a', 'Urges States;')]);
    const to = resolution([{ ...op('a', ''), content: [{ type: 'text', text: 'Urges States' }, { type: 'footnoteRef', footnoteId: 'f1' }, { type: 'text', text: ';' }] }]);
    to.footnotes = [{ id: 'f1', content: [{ type: 'text', text: 'See A/78/1.' }] }];
    const c = compareResolutions(from, to);
    const a = c.paragraphs.find((p) => p.id === 'a')!;
    expect(a.parts).toEqual([
      { op: 'equal', text: 'Urges States' },
      { op: 'insert', text: FOOTNOTE_MARK },
      { op: 'equal', text: ';' },
    ]);
    expect(a.to?.footnoteRefs).toEqual(['f1']);
    const note = c.paragraphs.find((p) => p.id === 'f1')!;
    expect([note.status, note.to?.label]).toEqual(['added', 'Footnote 1']);
  });
});
