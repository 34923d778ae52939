import { describe, expect, it } from 'vitest';
import { editorSchema } from '../../../shared/editor/ydoc';
import { idRepairs } from './paragraph-ids';

const op = (id: string | null, text: string) => ({ type: 'operative_paragraph', attrs: { id }, content: [{ type: 'text', text }] });
const doc = (...ops: object[]) =>
  editorSchema().nodeFromJSON({
    type: 'doc',
    content: [{ type: 'title' }, { type: 'authority' }, { type: 'preamble' }, { type: 'operative', content: ops }, { type: 'footnotes' }],
  });
const positions = (d: ReturnType<typeof doc>) => {
  const out: number[] = [];
  d.descendants((n, pos) => {
    if (n.type.name === 'operative_paragraph') out.push(pos);
    return true;
  });
  return out;
};

describe('idRepairs', () => {
  it('finds paragraphs without an id', () => {
    const d = doc(op('a', 'One'), op(null, 'Two'));
    expect(idRepairs(d, () => undefined)).toEqual([positions(d)[1]]);
  });
  it('keeps a duplicated id on the paragraph that had it before (e.g. a pasted copy above the original)', () => {
    const d = doc(op('a', 'Copy'), op('a', 'Original'));
    const [copy, original] = positions(d);
    expect(idRepairs(d, (id) => (id === 'a' ? original : undefined))).toEqual([copy]);
  });
  it('without history, the first occurrence keeps the id', () => {
    const d = doc(op('a', 'One'), op('a', 'Two'), op('a', 'Three'));
    expect(idRepairs(d, () => undefined)).toEqual(positions(d).slice(1));
  });
  it('changes nothing when ids are unique', () => {
    expect(idRepairs(doc(op('a', 'One'), op('b', 'Two')), () => undefined)).toEqual([]);
  });
});
