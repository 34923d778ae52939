import { describe, expect, it } from 'vitest';
import { parseResolutionText } from '../../shared/text/parse';
import { DRAFT_L5 } from '../../test/support/draft';
import { markedLayout, plainLayout, sponsorList, sponsorsLine, type Run } from './layout';
import { layoutToHtml } from './print';

const textOf = (runs: Run[]) => runs.map((r) => (r.footnote !== undefined ? `^${r.footnote}` : r.text)).join('');
const styled = (runs: Run[], pick: (r: Run) => boolean | undefined) => runs.filter((r) => pick(r) && r.footnote === undefined).map((r) => r.text);

describe('layout', () => {
  it('the sponsors line: one, two or more sponsors, or none', () => {
    expect(sponsorList(['Mexico'])).toBe('Mexico');
    expect(sponsorList(['Mexico', 'Norway'])).toBe('Mexico and Norway');
    expect(sponsorList(['Mexico', 'Norway', 'Kenya'])).toBe('Mexico, Norway and Kenya');
    const m = parseResolutionText(DRAFT_L5).masthead;
    expect(sponsorsLine({ ...m, sponsors: ['Mexico', 'Norway'], documentType: 'revised draft resolution' })).toBe('Mexico and Norway: revised draft resolution');
    expect(sponsorsLine({ ...m, sponsors: [], documentType: 'draft resolution' })).toBe('Draft resolution');
  });

  it('an unmarked text: derived numbers, letters, italic opening phrases, typed italics, footnotes', () => {
    const l = plainLayout(parseResolutionText(DRAFT_L5));
    expect(l.marked).toBe(false);
    expect(l.operative.map((p) => p.marker)).toEqual(['1.', '2.', '3.', '(a)', '(b)', '4.']);
    expect(l.operative.map((p) => p.level)).toEqual([0, 0, 0, 1, 1, 0]);
    expect(styled(l.preamble[2].runs, (r) => r.italic)).toEqual(['Deeply concerned']);
    expect(styled(l.operative[0].runs, (r) => r.italic)).toEqual(['Urges']);
    expect(styled(l.operative[3].runs, (r) => r.italic)).toEqual([]);
    expect(textOf(l.preamble[0].runs)).toMatch(/Organized Crime,\^1$/);
    expect(l.footnotes).toHaveLength(1);
    expect(styled(l.footnotes[0].runs, (r) => r.italic)).toEqual(['Treaty Series']);
    expect(l.operative.flatMap((p) => p.runs).some((r) => r.bold || r.strike)).toBe(false);
  });

  it('changes marked: inserted words bold, deleted struck, a deleted paragraph struck whole, italics from the version each word is shown from', () => {
    const from = parseResolutionText(DRAFT_L5);
    const to = structuredClone(from);
    const op1 = to.operative[0].content[0];
    if (op1.type === 'text') op1.text = 'Calls upon all States parties to implement the Convention and the Protocols thereto;';
    to.preamble.splice(1, 1);
    const l = markedLayout(from, to);
    expect(l.marked).toBe(true);
    const runs = l.operative[0].runs;
    expect(styled(runs, (r) => r.strike)).toEqual(['Urges']);
    expect(styled(runs, (r) => r.bold)).toEqual(['Calls upon', ' all']);
    expect(styled(runs, (r) => r.italic)).toEqual(['Urges', 'Calls upon']);
    const deleted = l.preamble.find((p) => p.deleted)!;
    expect(textOf(deleted.runs)).toBe('Reaffirming its previous resolutions on the subject,');
    expect(deleted.runs.every((r) => r.strike)).toBe(true);
    const html = layoutToHtml(l, 'Rev.1, changes since L.5');
    expect(html).toContain('<s class="del"><i>Urges</i></s><b class="ins"><i>Calls upon</i></b><b class="ins"> all</b>');
    expect(html).toContain('<p class="pp deleted">');
  });
});
