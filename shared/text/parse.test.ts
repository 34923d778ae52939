import { describe, expect, it } from 'vitest';
import { plainText } from '../model/text';
import { readSeed } from '../../test/support/seeds';
import { ImportError, parseDocumentText, parseNumberedText, parseResolutionText } from './parse';

const text = (content: Parameters<typeof plainText>[0]) => plainText(content);

describe('importing the resolution seeds', () => {
  it.each([
    ['000', 17, 27],
    ['001', 13, 23],
    ['002', 12, 15],
  ])('seed %s has %i preambular and %i operative paragraphs', (seed, pps, ops) => {
    const res = parseResolutionText(readSeed(seed));
    expect(res.preamble).toHaveLength(pps);
    expect(res.operative).toHaveLength(ops);
  });

  it('reads resolution 10/2 exactly, joining paragraphs split by footnote blocks', () => {
    const res = parseResolutionText(readSeed('000'));
    expect(res.authority).toBe('The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,');
    expect(text(res.title)).toBe(
      'Strengthening international cooperation against the illicit manufacturing of and trafficking in firearms, their parts and components and ammunition',
    );
    expect(text(res.preamble[0].content)).toMatch(/^Welcoming the twentieth anniversary of the adoption of the United Nations Convention against Transnational Organized Crime, which constitutes/);
    expect(res.preamble[0].imported?.italicOpening).toBe('Welcoming');
    // PP13 continues after a footnote block on the next page.
    expect(text(res.preamble[12].content)).toMatch(/Illicit Small Arms and Light Weapons, which are aimed at preventing and combating the illicit manufacturing/);
    expect(text(res.operative[4].content)).toBe(
      'Calls upon States parties to fully engage with the Mechanism for the Review of the Implementation of the United Nations Convention against Transnational Organized Crime and to respond comprehensively and in a timely manner to the self-assessment questionnaires;',
    );
    expect(res.operative[16].imported).toMatchObject({ typedNumber: '17', italicOpening: 'Also calls upon' });
    expect(text(res.operative[26].content)).toBe(
      'Invites Member States and other donors to provide extrabudgetary resources for the purposes described above, in accordance with the rules and procedures of the United Nations.',
    );
    expect(res.footnotes).toHaveLength(7);
    expect(text(res.footnotes[0].content)).toBe('United Nations, Treaty Series, vol. 2225, No. 39574.');
    // Latin terms keep their italics; only the opening phrase is derived.
    const op14 = res.operative[13].content;
    expect(op14.some((n) => n.type === 'text' && n.marks?.includes('italic') && /modi operandi/.test(n.text))).toBe(true);
  });

  it('attaches footnote references where the markers were', () => {
    const res = parseResolutionText(readSeed('000'));
    const pp1 = res.preamble[0].content;
    const ref = pp1.find((n) => n.type === 'footnoteRef');
    expect(ref && ref.type === 'footnoteRef' && ref.footnoteId).toBe(res.footnotes[0].id);
  });

  it('reads the 2024 draft: masthead, escaped footnote markers, missing italics kept as facts', () => {
    const res = parseResolutionText(readSeed('001'));
    expect(res.masthead).toMatchObject({
      body: 'Conference of the Parties to the United Nations Convention against Transnational Organized Crime',
      session: 'Twelfth session',
      place: 'Vienna, 14–18 October 2024',
      distribution: 'Limited',
      date: '2024-10-17',
      sponsors: ['Mexico'],
      documentType: 'revised draft resolution',
    });
    expect(res.masthead.agendaItem).toMatch(/^Agenda item 2 \(d\) Review of the implementation/);
    // The seed carries no document symbol.
    expect(res.masthead.symbol).toBe('');
    expect(res.footnotes).toHaveLength(8);
    expect(text(res.footnotes[5].content)).toBe('United Nations, Treaty Series, vol. 2326, No. 39574.');
    // PP2 is split by a page break in the middle of a title.
    expect(text(res.preamble[1].content)).toMatch(/Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition, supplementing/);
    expect(res.preamble[6].imported?.italicOpening).toBeNull(); // "Underlining" was not italic
    expect(text(res.preamble[6].content)).toMatch(/^Underlining that preventing/);
    expect(res.operative[1].imported?.italicOpening).toBeNull(); // "2. Encourages" was not italic
    expect(text(res.operative[19].content)).toMatch(/review and update the Legislative Guide/);
  });

  it('splits lettered items run into one paragraph (6/2 OP12)', () => {
    const res = parseResolutionText(readSeed('002'));
    const op12 = res.operative[11];
    expect(text(op12.content)).toBe('Requests the Secretariat to inform the Working Group about:');
    expect(op12.subparagraphs).toHaveLength(4);
    expect(text(op12.subparagraphs[1].content)).toMatch(/^coordination with other relevant international and regional/);
    expect(res.footnotes).toHaveLength(7);
  });
});

describe('importing the working-group texts', () => {
  it('reads the Chair’s summary as 28 numbered discussion points with headings', () => {
    const doc = parseNumberedText(readSeed('003'));
    const paras = doc.sections.flatMap((s) => s.paragraphs);
    expect(paras.map((p) => p.number)).toEqual(Array.from({ length: 28 }, (_, i) => String(i + 1)));
    expect(doc.sections[0].heading).toBe('A. General discussion points');
    const dp16 = paras[15];
    expect(text(dp16.content)).toMatch(/^States are encouraged to periodically exchange information/);
    expect(text(dp16.content)).not.toMatch(/Discussion points on data collection/);
    expect(doc.sections.some((s) => /5\. Discussion points on data collection and monitoring illicit arms flows/.test(s.heading))).toBe(true);
  });

  it('reads the consolidated recommendations as 166 numbered paragraphs', () => {
    const doc = parseNumberedText(readSeed('004'));
    const paras = doc.sections.flatMap((s) => s.paragraphs);
    expect(paras.map((p) => p.number)).toEqual(Array.from({ length: 166 }, (_, i) => String(i + 1)));
    expect(doc.sections.find((s) => s.paragraphs.some((p) => p.number === '6'))?.heading).toMatch(/^II\. General Recommendations — A\. Recommendations adopted by the Working Group at its first meeting/);
    expect(text(paras[4].content)).toMatch(/^The present note was prepared by the Secretariat/);
    expect(doc.footnotes.length).toBeGreaterThanOrEqual(5);
  });

  it('detects the kind of a text', () => {
    expect(parseDocumentText(readSeed('000')).kind).toBe('resolution');
    expect(parseDocumentText(readSeed('004')).kind).toBe('numbered');
  });
});

describe('bad input', () => {
  it.each([
    ['empty text', ''],
    ['white space', '   \n\n  '],
    ['binary garbage', '\u0000\u0001\u0002PK\u0003\u0004'],
  ])('%s is an ImportError', (_name, input) => {
    expect(() => parseResolutionText(input)).toThrow(ImportError);
  });

  it('a text without an authority line says what is missing', () => {
    expect(() => parseResolutionText('Recalling something,\n\nNoting something else,')).toThrow(/authority line/);
  });

  it('a text with only preambular paragraphs says there is no operative paragraph', () => {
    expect(() => parseResolutionText('The General Assembly,\n\n*Recalling* x,\n\n*Noting* y,')).toThrow(/No operative paragraph/);
  });

  it('a single unnumbered operative paragraph is recognised', () => {
    const res = parseResolutionText('The Security Council,\n\n*Recalling* x,\n\n*Decides* to remain seized of the matter.');
    expect(res.preamble).toHaveLength(1);
    expect(res.operative).toHaveLength(1);
  });

  it('random text never crashes the importer', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = 'ab*#<>sup/1.()\n ,;:The General Assembly¹';
    for (let i = 0; i < 300; i++) {
      const s = Array.from({ length: 200 }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      try {
        parseDocumentText(s);
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError);
      }
    }
  });
});
