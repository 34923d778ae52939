/**
 * Merging proposals into a Y.Doc: minimal text edits that keep the
 * formatting and footnote references outside the changed words; new, moved
 * and deleted paragraphs; conflicts; undo from the versions around a merge.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readResolutionFromYDoc, writeResolutionToYDoc } from '../../shared/editor/ydoc';
import { plainText } from '../../shared/model/text';
import { newProposal } from '../../shared/proposals/create';
import { parseResolutionText } from '../../shared/text/parse';
import { findParagraph } from '../history/paragraphs';
import { mergeProposal, ProposalConflict, undoMerge } from './merge';

const TEXT = `The General Assembly,

*Recalling* its previous resolutions,

1. *Welcomes* the report of the Secretary-General;

2. *Requests* the Secretary-General to submit a report;

(a) on the first matter;

3. *Decides* to remain seized of the matter.
`;

function setup() {
  const res = parseResolutionText(TEXT);
  // OP1: "Welcomes the report" in bold, a footnote reference, then the rest.
  res.operative[0].content = [
    { type: 'text', text: 'Welcomes the report', marks: ['bold'] },
    { type: 'footnoteRef', footnoteId: 'f1' },
    { type: 'text', text: ' of the Secretary-General;' },
  ];
  res.footnotes = [{ id: 'f1', content: [{ type: 'text', text: 'A/81/1.' }] }];
  const ydoc = new Y.Doc({ gc: false });
  writeResolutionToYDoc(res, ydoc);
  return { ydoc, res };
}
const ops = (ydoc: Y.Doc) => readResolutionFromYDoc(ydoc).operative;
const texts = (ydoc: Y.Doc) => ops(ydoc).map((p) => plainText(p.content));
const who = { delegation: 'Mexico', name: 'M' };
const copyOf = (ydoc: Y.Doc) => {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
  return copy;
};

describe('merging a proposal', () => {
  it('changes only the proposed words: bold and the footnote reference stay', () => {
    const { ydoc, res } = setup();
    const op1 = res.operative[0].id;
    const base = 'Welcomes the report of the Secretary-General;';
    expect(texts(ydoc)[0]).toBe(base);
    const p = newProposal({ ...who, kind: 'text', paragraph: op1, base, text: 'Welcomes the report of the Secretary-General, with appreciation;' });
    const changed: string[] = [];
    mergeProposal(p, { force: false, label: 'OP1' }, changed)(ydoc);
    expect(changed).toEqual([op1]);
    expect(ops(ydoc)[0].content).toEqual([
      { type: 'text', text: 'Welcomes the report', marks: ['bold'] },
      { type: 'footnoteRef', footnoteId: 'f1' },
      { type: 'text', text: ' of the Secretary-General, with appreciation;' },
    ]);
  });

  it('rebases onto changes made since, and refuses overlapping ones unless forced', () => {
    const { ydoc, res } = setup();
    const op2 = res.operative[1].id;
    const base = 'Requests the Secretary-General to submit a report;';
    const p = newProposal({ ...who, kind: 'text', paragraph: op2, base, text: 'Requests the Secretary-General to submit a comprehensive report;' });
    // Meanwhile someone changed the first word.
    const el = findParagraph(ydoc, op2)!;
    const run = el.toArray().find((n) => n instanceof Y.XmlText) as Y.XmlText;
    run.delete(0, 'Requests'.length);
    run.insert(0, 'Invites');
    mergeProposal(p, { force: false, label: 'OP2' }, [])(ydoc);
    expect(texts(ydoc)[1]).toBe('Invites the Secretary-General to submit a comprehensive report;');

    const clash = newProposal({ ...who, kind: 'text', paragraph: op2, base, text: 'Urges the Secretary-General to submit a report;' });
    expect(() => mergeProposal(clash, { force: false, label: 'OP2' }, [])(ydoc)).toThrow(ProposalConflict);
    mergeProposal(clash, { force: true, label: 'OP2' }, [])(ydoc);
    expect(texts(ydoc)[1]).toBe('Urges the Secretary-General to submit a report;');
  });

  it('inserts a new paragraph after an OP and its subparagraphs, moves and deletes with subparagraphs', () => {
    const { ydoc, res } = setup();
    const [op1, op2, op3] = res.operative.map((p) => p.id);
    const fresh = newProposal({ ...who, kind: 'new', text: 'Calls upon all States;', after: { paragraph: op2, section: 'operative' } });
    mergeProposal(fresh, { force: false, label: '2 bis' }, [])(ydoc);
    expect(texts(ydoc)).toEqual(['Welcomes the report of the Secretary-General;', 'Requests the Secretary-General to submit a report;', 'Calls upon all States;', 'Decides to remain seized of the matter.']);
    expect(ops(ydoc)[1].subparagraphs.map((s) => plainText(s.content))).toEqual(['on the first matter;']);
    expect(() => mergeProposal(fresh, { force: false, label: '2 bis' }, [])(ydoc)).toThrow(/already/);

    const move = newProposal({ ...who, kind: 'move', paragraph: op2, base: '', after: { paragraph: op3, section: 'operative' } });
    const moved: string[] = [];
    mergeProposal(move, { force: false, label: 'OP2' }, moved)(ydoc);
    expect(ops(ydoc).map((p) => p.id)).toEqual([op1, fresh.newId, op3, op2]);
    expect(ops(ydoc)[3].subparagraphs).toHaveLength(1);
    expect(moved).toEqual([op2, res.operative[1].subparagraphs[0].id]); // the OP and its subparagraph

    const del = newProposal({ ...who, kind: 'delete', paragraph: op2, base: 'Requests the Secretary-General to submit a report;' });
    mergeProposal(del, { force: false, label: 'OP4' }, [])(ydoc);
    expect(ops(ydoc).map((p) => p.id)).toEqual([op1, fresh.newId, op3]);
    expect(readResolutionFromYDoc(ydoc).operative.flatMap((p) => p.subparagraphs)).toEqual([]);
  });

  it('undo restores the paragraphs a merge changed, and refuses when they changed since', () => {
    const { ydoc, res } = setup();
    const [op1, op2, op3] = res.operative.map((p) => p.id);
    const before = copyOf(ydoc);
    const move = newProposal({ ...who, kind: 'move', paragraph: op3, base: '', after: { paragraph: null, section: 'operative' } });
    const changed: string[] = [];
    mergeProposal(move, { force: false, label: 'OP3' }, changed)(ydoc);
    expect(ops(ydoc).map((p) => p.id)).toEqual([op3, op1, op2]);
    const after = copyOf(ydoc);
    undoMerge(changed, before, after, () => 'OP1')(ydoc);
    expect(ops(ydoc).map((p) => p.id)).toEqual([op1, op2, op3]);
    expect(texts(ydoc)).toEqual(texts(before));

    // Changed since: refused.
    const edit = newProposal({ ...who, kind: 'text', paragraph: op1, base: 'Welcomes the report of the Secretary-General;', text: 'Welcomes the report of the Secretary-General, with appreciation;' });
    const before2 = copyOf(ydoc);
    const changed2: string[] = [];
    mergeProposal(edit, { force: false, label: 'OP1' }, changed2)(ydoc);
    const after2 = copyOf(ydoc);
    const run = findParagraph(ydoc, op1)!.toArray().filter((n) => n instanceof Y.XmlText).at(-1) as Y.XmlText;
    run.insert(0, ' (later)');
    expect(() => undoMerge(changed2, before2, after2, () => 'OP1')(ydoc)).toThrow(/OP1 changed since the decision/);
  });
});
