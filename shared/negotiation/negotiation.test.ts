import { describe, expect, it } from 'vitest';
import { emptyMasthead, type Resolution } from '../model/types';
import { textContent } from '../model/text';
import { bracketSpans } from './brackets';
import { commentWriteError, resolutionWriteError, statusWriteError } from './permissions';
import { summarize, summaryLine } from './summary';
import { threadsByParagraph, threadsOf } from './threads';
import type { Comment, StatusEntry } from './types';

const by = { delegation: 'Chair', name: 'Facilitator', role: 'facilitator' };
const entry = (status: StatusEntry['status']): StatusEntry => ({ status, by, at: '2026-11-23T10:00:00.000Z' });

function resolution(): Resolution {
  const pp = (id: string, text: string) => ({ id, kind: 'preambular' as const, content: textContent(text) });
  const sub = (id: string, text: string) => ({ id, kind: 'subparagraph' as const, content: textContent(text), subparagraphs: [] });
  return {
    masthead: emptyMasthead(),
    title: textContent('Title'),
    authority: 'The Conference,',
    preamble: [pp('pp1', 'Recalling its resolution 10/2,'), pp('pp2', 'Noting [with concern] the report,')],
    operative: [
      { id: 'op1', kind: 'operative', content: textContent('Decides to continue;'), subparagraphs: [] },
      { id: 'op2', kind: 'operative', content: textContent('Requests the secretariat [shall][agree to] report:'), subparagraphs: [sub('op2a', 'on the first;'), sub('op2b', 'on the second;')] },
      { id: 'op3', kind: 'operative', content: textContent('Invites States to contribute.'), subparagraphs: [] },
    ],
    footnotes: [{ id: 'fn1', content: textContent('[See] the report.') }],
  };
}

describe('bracket spans', () => {
  it('finds bracketed text, alternatives and unbalanced brackets', () => {
    expect(bracketSpans('no brackets')).toEqual([]);
    expect(bracketSpans('Noting [with concern] the report')).toEqual([{ start: 7, end: 21, alternative: false, balanced: true }]);
    const alt = bracketSpans('the secretariat [shall][agree to] report');
    expect(alt.map((s) => [s.start, s.end, s.alternative])).toEqual([[16, 23, true], [23, 33, true]]);
    expect(bracketSpans('[shall / should] act')[0].alternative).toBe(true);
    expect(bracketSpans('[shall] / [should] act').every((s) => s.alternative)).toBe(true);
    expect(bracketSpans('[a] and [b]').some((s) => s.alternative)).toBe(false);
    // Nested brackets stay inside the outer span.
    expect(bracketSpans('x [a [b] c] y')).toEqual([{ start: 2, end: 11, alternative: false, balanced: true }]);
    expect(bracketSpans('open [never closed')).toEqual([{ start: 5, end: 18, alternative: false, balanced: false }]);
    expect(bracketSpans('stray] bracket')).toEqual([{ start: 5, end: 6, alternative: false, balanced: false }]);
  });
});

describe('summary', () => {
  it('counts every paragraph and subparagraph once; brackets overrule the status', () => {
    const statuses = new Map([
      ['pp1', entry('agreed')],
      ['pp2', entry('agreed')], // bracketed: not agreed whatever its status
      ['op1', entry('ad-ref')],
      ['op2a', entry('agreed')],
      ['op3', entry('pending')],
      ['gone', entry('agreed')], // a deleted paragraph counts nowhere
    ]);
    const s = summarize(resolution(), statuses);
    expect({ agreed: s.agreed, adRef: s.adRef, pending: s.pending, bracketed: s.bracketed, total: s.total }).toEqual({ agreed: 2, adRef: 1, pending: 2, bracketed: 2, total: 7 });
    expect(summaryLine(s)).toBe('2 agreed · 1 ad ref · 2 pending · 2 bracketed');
    const pp2 = s.paragraphs.find((p) => p.id === 'pp2')!;
    expect(pp2).toMatchObject({ label: 'PP2', status: 'agreed', standing: 'bracketed', agreed: false });
    expect(s.paragraphs.find((p) => p.id === 'op2b')).toMatchObject({ label: 'OP2(b)', status: 'pending', standing: 'pending' });
    expect(s.paragraphs.find((p) => p.id === 'op2')!.brackets).toHaveLength(2);
    // A plain object works too (the API's JSON).
    expect(summarize(resolution(), { op3: entry('agreed') }).agreed).toBe(1);
  });
});

const comment = (id: string, parentId: string | null, at: string, extra: Partial<Comment> = {}): Comment => ({
  id,
  paragraphId: 'op1',
  parentId,
  delegation: 'Mexico',
  name: 'Ana',
  text: `comment ${id}`,
  at: `2026-11-23T10:00:0${at}.000Z`,
  ...extra,
});

describe('threads', () => {
  it('groups replies (and replies to replies) under the first comment, in time order', () => {
    const map = new Map<string, Comment>(
      [comment('b', 'a', '2'), comment('a', null, '1'), comment('c', 'b', '3'), comment('d', null, '4', { paragraphId: 'op2' }), comment('e', 'missing', '5')].map((c) => [c.id, c]),
    );
    const resolutions = new Map([['d', { by, at: '2026-11-23T11:00:00.000Z' }]]);
    const threads = threadsOf(map, resolutions);
    expect(threads[1].resolution).toEqual({ by, at: '2026-11-23T11:00:00.000Z' });
    expect(threads.map((t) => [t.root.id, t.replies.map((r) => r.id), t.resolved])).toEqual([
      ['a', ['b', 'c'], false],
      ['d', [], true],
      // A reply whose parent was deleted is not lost: it becomes a thread of its own.
      ['e', [], false],
    ]);
    expect([...threadsByParagraph(map).keys()]).toEqual(['op1', 'op2']);
  });
});

describe('permissions', () => {
  const mexico = { delegation: 'Mexico', name: 'Ana', role: 'delegation' };
  const kenya = { delegation: 'Kenya', name: 'Wanjiru', role: 'delegation' };
  it('statuses: the facilitator and secretariat only, in their own name', () => {
    expect(statusWriteError(by, 'op1', entry('agreed'))).toBeNull();
    expect(statusWriteError({ delegation: 'Secretariat', name: 'S', role: 'secretariat' }, 'op1', { ...entry('agreed'), by: { delegation: 'Secretariat', name: 'S', role: 'secretariat' } })).toBeNull();
    expect(statusWriteError(mexico, 'op1', { ...entry('agreed'), by: mexico })).toMatch(/Only the facilitator or the secretariat/);
    expect(statusWriteError(by, 'op1', { status: 'done', by, at: 'x' })).toMatch(/must be/);
    expect(statusWriteError(by, 'op1', { ...entry('agreed'), by: mexico })).toMatch(/your own name/);
    expect(statusWriteError(by, 'op1', undefined)).toMatch(/not removed/);
    expect(statusWriteError({ delegation: 'Penholder', name: 'Penholder', role: 'system' }, 'op1', { ...entry('pending'), by: mexico })).toBeNull();
  });

  it('comments: own name, own edits, resolving by the chair or the thread author', () => {
    const mine = comment('a', null, '1');
    expect(commentWriteError(mexico, 'a', undefined, mine)).toBeNull();
    expect(commentWriteError(kenya, 'a', undefined, mine)).toMatch(/your own name/);
    expect(commentWriteError(mexico, 'a', undefined, { ...mine, text: '  ' })).toMatch(/A comment must be/);
    expect(commentWriteError(mexico, 'x', undefined, mine)).toMatch(/A comment must be/);
    expect(commentWriteError(mexico, 'a', mine, { ...mine, text: 'better' })).toBeNull();
    expect(commentWriteError(kenya, 'a', mine, { ...mine, text: 'hijacked' })).toMatch(/Only its author/);
    expect(commentWriteError(mexico, 'a', mine, { ...mine, delegation: 'Kenya' })).toMatch(/cannot be changed/);
    expect(commentWriteError(kenya, 'a', mine, undefined)).toMatch(/Only its author/);
    expect(commentWriteError(mexico, 'a', mine, undefined)).toBeNull();
    // Resolving and reopening (the resolved map): the chairs or the thread's author, in their own name.
    const resolution = (who: typeof by) => ({ by: who, at: '2026-11-23T12:00:00.000Z' });
    expect(resolutionWriteError(by, 'a', mine, resolution(by))).toBeNull();
    expect(resolutionWriteError(mexico, 'a', mine, resolution(mexico))).toBeNull();
    expect(resolutionWriteError(mexico, 'a', mine, undefined)).toBeNull();
    expect(resolutionWriteError(kenya, 'a', mine, resolution(kenya))).toMatch(/thread’s author/);
    expect(resolutionWriteError(kenya, 'a', mine, undefined)).toMatch(/thread’s author/);
    expect(resolutionWriteError(by, 'a', mine, resolution(mexico))).toMatch(/your own name/);
    expect(resolutionWriteError(by, 'a', mine, { at: 'never' })).toMatch(/must be/);
    const reply = comment('b', 'a', '2', { delegation: 'Kenya', name: 'Wanjiru' });
    expect(resolutionWriteError(by, 'b', reply, resolution(by))).toMatch(/first comment/);
    expect(resolutionWriteError(kenya, 'gone', undefined, resolution(kenya))).toMatch(/thread’s author/);
    expect(commentWriteError({ delegation: 'X', name: 'Y', role: 'observer' }, 'z', undefined, comment('z', null, '1'))).toMatch(/Observers/);
  });
});
