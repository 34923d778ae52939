import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { editorSchema } from '../../../shared/editor/ydoc';
import { draftFrom } from './extension';
import { draftProblem, proposalFromDraft } from './draft';

const op = (id: string, text: string) => ({ type: 'operative_paragraph', attrs: { id }, content: [{ type: 'text', text }] });
const state = () => {
  const doc = editorSchema().nodeFromJSON({
    type: 'doc',
    content: [
      { type: 'title' },
      { type: 'authority' },
      { type: 'preamble', content: [{ type: 'preambular', attrs: { id: 'pp1' }, content: [{ type: 'text', text: 'Recalling its resolutions,' }] }] },
      { type: 'operative', content: [op('op1', 'Welcomes the report;'), op('op2', 'Decides to remain seized.')] },
      { type: 'footnotes' },
    ],
  });
  return EditorState.create({ doc });
};
/** Position just inside the end of the paragraph with this id. */
const endOf = (s: EditorState, id: string) => {
  let at = -1;
  s.doc.descendants((n, pos) => {
    if (n.attrs.id === id) at = pos + n.nodeSize - 1;
    return true;
  });
  return at;
};

describe('what a stopped edit means in proposal mode', () => {
  it('typing into a paragraph: a draft of its new wording, the keystroke applied, the caret after it', () => {
    const s = state();
    const at = endOf(s, 'op1') - 1; // before the ";"
    const withCaret = s.apply(s.tr.setSelection(TextSelection.create(s.doc, at)));
    const draft = draftFrom(withCaret, withCaret.tr.insertText(' warmly', at));
    expect(draft).toMatchObject({ kind: 'text', paragraph: 'op1', label: 'OP1', section: 'operative', base: 'Welcomes the report;', text: 'Welcomes the report warmly;', caret: 'Welcomes the report warmly'.length });
    expect(draftProblem(draft!)).toBeNull();
    const p = proposalFromDraft(draft!, { delegation: 'Mexico', name: 'Ana' }, 'why');
    expect(p).toMatchObject({ kind: 'text', paragraph: 'op1', delegation: 'Mexico', base: 'Welcomes the report;', text: 'Welcomes the report warmly;', justification: 'why', state: 'pending' });
  });

  it('Enter: a new paragraph after this one; deleting a paragraph: its deletion', () => {
    const s = state();
    const end = endOf(s, 'op1');
    const withCaret = s.apply(s.tr.setSelection(TextSelection.create(s.doc, end)));
    expect(draftFrom(withCaret, withCaret.tr.split(end))).toMatchObject({ kind: 'new', paragraph: 'op1', section: 'operative', text: '' });

    let from = -1;
    let to = -1;
    s.doc.descendants((n, pos) => {
      if (n.attrs.id === 'op2') [from, to] = [pos, pos + n.nodeSize];
      return true;
    });
    expect(draftFrom(withCaret, withCaret.tr.delete(from, to))).toMatchObject({ kind: 'delete', paragraph: 'op2', label: 'OP2', base: 'Decides to remain seized.' });
  });

  it('an unchanged wording cannot be submitted', () => {
    expect(draftProblem({ kind: 'text', paragraph: 'op1', label: 'OP1', section: 'operative', base: 'A', text: 'A' })).toMatch(/unchanged/);
    expect(draftProblem({ kind: 'move', paragraph: 'op1', label: 'OP1', section: 'operative', base: 'A', text: '' })).toMatch(/Choose/);
  });
});
