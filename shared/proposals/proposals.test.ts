import { describe, expect, it } from 'vitest';
import { parseResolutionText } from '../text/parse';
import { compilationOutline, compile, compilationToText } from './compilation';
import { newProposal } from './create';
import { applyHunks, changeKind, hunks, wordDiff } from './diff';
import { latinOrdinal, proposalLabels } from './labels';
import { rebase } from './rebase';
import { proposalProblem, type Proposal } from './types';

const TEXT = `The General Assembly,

*Recalling* its previous resolutions on the subject,

1. *Welcomes* the report of the Secretary-General;

2. *Requests* the Secretary-General to submit a report;

(a) on the first matter;

(b) on the second matter;

3. *Decides* to remain seized of the matter.

4. *Invites* Member States to contribute;

5. *Encourages* States to cooperate;
`;

const resolution = parseResolutionText(TEXT);
const op = (n: number) => resolution.operative[n - 1];
let clock = 0;
const at = () => new Date(Date.UTC(2026, 0, 1, 9, 0, clock++)).toISOString();
const propose = (input: Omit<Parameters<typeof newProposal>[0], 'name' | 'created'>): Proposal => newProposal({ name: 'Delegate', created: at(), ...input });

describe('word diff', () => {
  it('finds insertions, deletions and replacements by words', () => {
    const base = 'Invites Member States to contribute;';
    expect(changeKind(wordDiff(base, 'Invites Member States in a position to do so to contribute;'))).toBe('insertion');
    expect(changeKind(wordDiff(base, 'Invites States to contribute;'))).toBe('deletion');
    expect(changeKind(wordDiff(base, 'Invites all States to contribute;'))).toBe('replacement');
    expect(changeKind(wordDiff(base, base))).toBe('none');
    expect(wordDiff(base, 'Invites all States to contribute;')).toEqual([
      { op: 'equal', text: 'Invites ' },
      { op: 'delete', text: 'Member' },
      { op: 'insert', text: 'all' },
      { op: 'equal', text: ' States to contribute;' },
    ]);
  });

  it('hunks applied to the old text give the new one', () => {
    const pairs = [
      ['Invites Member States to contribute;', 'Urges Member States and others to contribute generously;'],
      ['', 'A whole new text.'],
      ['Something to delete entirely.', ''],
      ['Décide de rester saisi de la question.', 'Décide de rester activement saisi de la question.'],
    ];
    for (const [a, b] of pairs) expect(applyHunks(a, hunks(a, b))).toBe(b);
  });
});

describe('rebase onto the current text', () => {
  const base = 'Invites Member States to contribute to the trust fund;';
  it('applies the proposal as is when the paragraph has not changed', () => {
    const r = rebase(base, 'Invites all Member States to contribute to the trust fund;', base);
    expect(r).toMatchObject({ ok: true, text: 'Invites all Member States to contribute to the trust fund;' });
  });
  it('carries the proposal over changes elsewhere in the paragraph', () => {
    const current = 'Invites Member States to contribute generously to the trust fund;';
    const r = rebase(base, 'Invites all Member States to contribute to the trust fund;', current);
    expect(r).toMatchObject({ ok: true, text: 'Invites all Member States to contribute generously to the trust fund;' });
    const r2 = rebase(base, 'Invites Member States to contribute to the voluntary trust fund;', 'Urges Member States to contribute to the trust fund;');
    expect(r2).toMatchObject({ ok: true, text: 'Urges Member States to contribute to the voluntary trust fund;' });
  });
  it('reports a conflict when the same words changed', () => {
    const r = rebase(base, 'Invites all States to contribute to the trust fund;', 'Invites interested Member States to contribute to the trust fund;');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.conflict).toMatch(/changed since the proposal/);
  });
});

describe('labels while proposals are pending', () => {
  it('numbers new paragraphs bis, ter, quater after their OP, and alternatives "alt"; existing numbers stay', () => {
    const ps = [
      propose({ kind: 'new', delegation: 'Norway', text: 'Calls upon all States;', after: { paragraph: op(4).id, section: 'operative' } }),
      propose({ kind: 'new', delegation: 'Mexico', text: 'Also calls upon;', after: { paragraph: op(4).id, section: 'operative' } }),
      propose({ kind: 'new', delegation: 'Kenya', text: 'Further calls upon;', after: { paragraph: op(4).id, section: 'operative' } }),
      propose({ kind: 'new', delegation: 'Kenya', text: 'After the subparagraphs;', after: { paragraph: op(2).subparagraphs[1].id, section: 'operative' } }),
      propose({ kind: 'new', delegation: 'Chile', text: 'Noting;', after: { paragraph: resolution.preamble[0].id, section: 'preamble' } }),
      propose({ kind: 'alternative', delegation: 'European Union', paragraph: op(5).id, base: 'Encourages States to cooperate;', text: 'Urges States to cooperate;' }),
      propose({ kind: 'alternative', delegation: 'Japan', paragraph: op(5).id, base: 'Encourages States to cooperate;', text: 'Invites States to cooperate;' }),
      propose({ kind: 'delete', delegation: 'United States', paragraph: op(3).id, base: '' }),
    ];
    const labels = proposalLabels(resolution, ps);
    expect(ps.map((p) => labels.get(p.id))).toEqual(['4 bis', '4 ter', '4 quater', '2 bis', 'PP1 bis', 'OP5 alt', 'OP5 alt 2', 'OP3']);
    expect(latinOrdinal(8)).toBe('decies');
  });
});

describe('the compilation', () => {
  it('groups pending proposals under their paragraphs, labelled with the delegation, and exports text', () => {
    const ps = [
      propose({ kind: 'text', delegation: 'Mexico', paragraph: op(5).id, base: 'Encourages States to cooperate;', text: 'Encourages States to cooperate closely;', justification: 'Stronger.' }),
      propose({ kind: 'alternative', delegation: 'European Union', paragraph: op(5).id, base: 'Encourages States to cooperate;', text: 'Urges States to cooperate;' }),
      propose({ kind: 'delete', delegation: 'United States', paragraph: op(3).id, base: 'Decides to remain seized of the matter.' }),
      propose({ kind: 'new', delegation: 'Norway', text: 'Calls upon all States;', after: { paragraph: op(4).id, section: 'operative' } }),
      propose({ kind: 'move', delegation: 'Kenya', paragraph: op(1).id, base: '', after: { paragraph: op(4).id, section: 'operative' } }),
      { ...propose({ kind: 'text', delegation: 'Japan', paragraph: op(1).id, base: 'x', text: 'y' }), state: 'rejected' as const },
    ];
    const entries = compile(resolution, ps);
    expect(entries.map((e) => e.paragraph?.label)).toEqual(['PP1', 'OP1', 'OP2', 'OP2(a)', 'OP2(b)', 'OP3', 'OP4', 'OP5']);
    const headings = entries.flatMap((e) => e.proposals.map((c) => c.heading));
    expect(headings).toEqual(['OP1 (Kenya: move after OP4)', 'OP3 (United States: delete)', '4 bis (Norway)', 'OP5 (Mexico)', 'OP5 alt (European Union)']);
    const text = compilationToText(entries, { symbol: 'A/C.3/81/L.1', title: 'Title', at: '2026-01-01T10:00:00.000Z' });
    expect(text).toContain('5 pending proposals from European Union, Kenya, Mexico, Norway, United States');
    expect(text).toContain('OP5  Encourages States to cooperate;\n    OP5 (Mexico): Encourages States to cooperate closely;\n        Justification: Stronger.\n    OP5 alt (European Union): Urges States to cooperate;\n');
    expect(text).toContain('    OP3 (United States: delete)\n');
    expect(text).toContain('OP4  Invites Member States to contribute;\n    4 bis (Norway): Calls upon all States;\n');
    expect(text).not.toContain('Japan');

    const outline = compilationOutline(resolution, entries);
    const op1 = outline.entries.find((e) => e.label === 'OP1')!;
    expect(op1.proposals).toEqual([{ label: 'OP1', delegation: 'Kenya', kind: 'move', text: 'move after OP4', justification: undefined }]);
    const op3 = outline.entries.find((e) => e.label === 'OP3')!;
    expect(op3).toMatchObject({ text: 'Decides to remain seized of the matter.', proposals: [{ label: 'OP3', delegation: 'United States', kind: 'delete', text: undefined }] });
  });

  it('marks a proposal made on an earlier text', () => {
    const p = propose({ kind: 'text', delegation: 'Mexico', paragraph: op(4).id, base: 'Invites States;', text: 'Invites all States;' });
    const [entry] = compile(resolution, [p]).filter((e) => e.proposals.length);
    expect(entry.proposals[0].stale).toBe(true);
  });
});

describe('proposal records', () => {
  it('accepts a well-formed record and says what is wrong with a bad one', () => {
    const p = propose({ kind: 'new', delegation: 'Norway', text: 'Calls upon all States;', after: { paragraph: op(4).id, section: 'operative' } });
    expect(proposalProblem(p)).toBeNull();
    expect(proposalProblem({ ...p, kind: 'rewrite' })).toMatch(/kind must be one of/);
    expect(proposalProblem({ ...p, text: '  ' })).toMatch(/empty/);
    expect(proposalProblem({ ...p, after: undefined })).toMatch(/after/);
    expect(proposalProblem('x')).toMatch(/object/);
  });
});
