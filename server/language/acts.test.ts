import { describe, expect, it } from 'vitest';
import { seedCorpusDocuments } from '../corpus/seeds';
import { buildActRegistry, completeCitation } from './acts';

const BODY = 'Conference of the Parties to the United Nations Convention against Transnational Organized Crime';
const registry = buildActRegistry(seedCorpusDocuments());

describe('the registry of cited acts', () => {
  it('knows resolution 10/2 itself, with its date and title', () => {
    const act = [...registry.acts.values()].find((a) => a.number === '10/2' && a.kind === 'resolution');
    expect(act).toMatchObject({ date: '2020-10-16', source: 'the text of resolution 10/2' });
    expect(act?.title).toMatch(/^Strengthening international cooperation against the illicit manufacturing/);
  });

  it('completes "its resolution 7/" with the number, date and exact title', () => {
    const [first] = completeCitation(registry, 'Recalling its resolution 7/', { body: BODY });
    expect(first.text).toBe('7/1 of 10 October 2014, entitled “Strengthening the implementation of the United Nations Convention against Transnational Organized Crime and the Protocols thereto”');
    expect(first.completion).toBe(first.text.slice(2));
    expect(first.replace).toBe(2);
  });

  it('offers every act of the kind whose number starts with what is typed, fullest first', () => {
    const numbers = completeCitation(registry, 'Recalling its resolutions 5', { body: BODY }).map((c) => c.act.number);
    expect(numbers).toContain('5/4');
    expect(completeCitation(registry, 'Recalling its decision 4/', { body: BODY })[0].text).toMatch(/^4\/6 of 17 October 2008/);
  });

  it('offers nothing when no citation is being typed', () => {
    expect(completeCitation(registry, 'Recalling its resolution')).toEqual([]);
    expect(completeCitation(registry, 'Recalling the resolution 99/')).toEqual([]);
  });
});
