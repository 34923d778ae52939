import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import { readSeed } from '../../test/support/seeds';
import { comparable } from '../../test/support/model';
import { prosemirrorJSONToResolution, resolutionToProsemirrorJSON } from '../editor/convert';
import { readResolutionFromYDoc, writeResolutionToYDoc } from '../editor/ydoc';
import { resolutionSchemaExtensions } from '../editor/schema';
import { parseNumberedText, parseResolutionText } from './parse';
import { numberedToText, resolutionToText } from './serialize';

const SEEDS = ['000', '001', '002'];

describe('plain-text round trip', () => {
  it.each(SEEDS)('seed %s: import → export → import gives the same model', (seed) => {
    const first = parseResolutionText(readSeed(seed));
    const exported = resolutionToText(first);
    const second = parseResolutionText(exported);
    expect(comparable(second)).toEqual(comparable(first));
    // And the export is stable.
    expect(resolutionToText(second)).toBe(exported);
  });

  it('derives numbering and opening-phrase italics on export', () => {
    const res = parseResolutionText(readSeed('001'));
    const out = resolutionToText(res);
    // The seed typed "2. Encourages" without italics; the export derives them.
    expect(out).toContain('2. *Encourages* States that have not yet done so');
    expect(out).toContain('*Underlining* that preventing');
    expect(out).toContain('10. *Also invites* States to provide');
    expect(out).toMatch(/\n---\n\n<sup>1<\/sup> Report of the United Nations Conference/);
  });

  it('writes lettered items on their own lines', () => {
    const out = resolutionToText(parseResolutionText(readSeed('002')));
    expect(out).toContain('12. *Requests* the Secretariat to inform the Working Group about:\n\n(a) the activities');
  });

  it.each(['003', '004'])('numbered seed %s round-trips', (seed) => {
    const first = parseNumberedText(readSeed(seed));
    const second = parseNumberedText(numberedToText(first));
    const strip = (d: typeof first) => d.sections.flatMap((s) => s.paragraphs.map((p) => [p.number, JSON.stringify(p.content.map((c) => (c.type === 'text' ? c.text : '^')))]));
    expect(strip(second)).toEqual(strip(first));
  });
});

describe('model ⇄ editor', () => {
  const schema = getSchema(resolutionSchemaExtensions);

  it.each(SEEDS)('seed %s → ProseMirror JSON is valid for the schema and converts back', (seed) => {
    const res = parseResolutionText(readSeed(seed));
    const json = resolutionToProsemirrorJSON(res);
    expect(() => schema.nodeFromJSON(json).check()).not.toThrow();
    const back = prosemirrorJSONToResolution(json, res.masthead);
    expect(comparable(back)).toEqual(comparable(res));
    expect(back.operative.map((p) => p.id)).toEqual(res.operative.map((p) => p.id));
  });

  it.each(SEEDS)('seed %s → Y.Doc → model is the same model, ids included', (seed) => {
    const res = parseResolutionText(readSeed(seed));
    const ydoc = new Y.Doc({ gc: false });
    writeResolutionToYDoc(res, ydoc);
    // Through an encoded update, as the server stores it.
    const copy = new Y.Doc({ gc: false });
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
    const back = readResolutionFromYDoc(copy);
    const withoutImport = JSON.parse(JSON.stringify(res, (k, v) => (k === 'imported' ? undefined : v)));
    expect(back).toEqual(withoutImport);
  });

  it('rebuilds subparagraph nesting from flat levels and survives stray items', () => {
    const json = {
      type: 'doc',
      content: [
        { type: 'title' },
        { type: 'authority', content: [{ type: 'text', text: 'The General Assembly,' }] },
        { type: 'preamble' },
        {
          type: 'operative',
          content: [
            { type: 'operative_paragraph', attrs: { id: 'a' }, content: [{ type: 'text', text: 'Decides:' }] },
            { type: 'subparagraph', attrs: { id: 'b', level: 2 }, content: [{ type: 'text', text: 'x;' }] },
            { type: 'subparagraph', attrs: { id: 'c', level: 1 }, content: [{ type: 'text', text: 'y;' }] },
            { type: 'subparagraph', attrs: { id: 'd', level: 2 }, content: [{ type: 'text', text: 'z.' }] },
          ],
        },
        { type: 'footnotes' },
      ],
    };
    const res = prosemirrorJSONToResolution(json, parseResolutionText('The General Assembly,\n\n1. *Decides* x.').masthead);
    expect(res.operative[0].subparagraphs.map((s) => s.id)).toEqual(['b', 'c']);
    expect(res.operative[0].subparagraphs[1].subparagraphs.map((s) => s.id)).toEqual(['d']);
  });
});
