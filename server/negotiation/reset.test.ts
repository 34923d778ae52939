import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { BODY_FIELD, NODE } from '../../shared/editor/schema';
import { readResolutionFromYDoc, writeResolutionToYDoc } from '../../shared/editor/ydoc';
import { setStatus, statusMap, paragraphElement, addComment } from '../../shared/negotiation/ydoc';
import { parseResolutionText } from '../../shared/text/parse';
import { agreedTextChanged, reasonFor } from './reset';
import { mapKeysWritten, paragraphsTouched } from './touched';

const TEXT = `## General Assembly

A/C.3/81/L.9

Distr.: Limited 1 October 2026

Original: English

Eighty-first session

Agenda item 68

Chile: draft resolution

## Title

The General Assembly,

*Recalling* its previous resolutions,

1. *Welcomes* the report;

2. *Requests* a report.`;

const chair = { delegation: 'Chair', name: 'F', role: 'facilitator' };

function docWithText(): { ydoc: Y.Doc; pp: string; op1: string; op2: string } {
  const ydoc = new Y.Doc({ gc: false });
  writeResolutionToYDoc(parseResolutionText(TEXT), ydoc);
  const res = readResolutionFromYDoc(ydoc);
  return { ydoc, pp: res.preamble[0].id, op1: res.operative[0].id, op2: res.operative[1].id };
}

/** Runs `change` and returns its update, as the pipeline would receive it. */
function updateOf(ydoc: Y.Doc, change: () => void): Uint8Array {
  let update: Uint8Array | null = null;
  const capture = (u: Uint8Array) => (update = update ? Y.mergeUpdates([update, u]) : u);
  ydoc.on('update', capture);
  change();
  ydoc.off('update', capture);
  return update!;
}

const operative = (ydoc: Y.Doc) => ydoc.getXmlFragment(BODY_FIELD).toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === NODE.operative) as Y.XmlElement;

describe('back to pending on change', () => {
  it('finds the paragraphs an update touched: text and formatting, not attributes, not status or comments', () => {
    const { ydoc, op1, op2 } = docWithText();
    const typing = updateOf(ydoc, () => (paragraphElement(ydoc, op1)!.get(0) as Y.XmlText).insert(0, 'Warmly '));
    expect([...paragraphsTouched(ydoc, typing)]).toEqual([op1]);
    const deleting = updateOf(ydoc, () => (paragraphElement(ydoc, op2)!.get(0) as Y.XmlText).delete(0, 3));
    expect([...paragraphsTouched(ydoc, deleting)]).toEqual([op2]);
    const attribute = updateOf(ydoc, () => paragraphElement(ydoc, op2)!.setAttribute('provenance', 'Resolution 10/2, OP1'));
    expect(paragraphsTouched(ydoc, attribute).size).toBe(0);
    const status = updateOf(ydoc, () => setStatus(ydoc, op1, 'agreed', chair));
    expect(paragraphsTouched(ydoc, status).size).toBe(0);
    expect([...mapKeysWritten(ydoc, status, 'status')]).toEqual([op1]);
    const comment = updateOf(ydoc, () => addComment(ydoc, chair, op1, 'Fine.'));
    expect(paragraphsTouched(ydoc, comment).size).toBe(0);
    expect(mapKeysWritten(ydoc, comment, 'status').size).toBe(0);
  });

  it('an agreed paragraph changed by an edit, not by a move; pending ones never', () => {
    const { ydoc, pp, op1, op2 } = docWithText();
    setStatus(ydoc, op1, 'agreed', chair);
    setStatus(ydoc, op2, 'ad-ref', chair);
    setStatus(ydoc, pp, 'pending', chair);
    expect(statusMap(ydoc).get(op1)?.text).toContain('Welcomes the report;');
    // A move re-creates the paragraph with the same id and content.
    const move = updateOf(ydoc, () =>
      ydoc.transact(() => {
        const section = operative(ydoc);
        const copy = (section.get(0) as Y.XmlElement).clone();
        section.delete(0, 1);
        section.insert(1, [copy]);
      }),
    );
    expect(paragraphsTouched(ydoc, move).has(op1)).toBe(true);
    expect(readResolutionFromYDoc(ydoc).operative.map((p) => p.id)).toEqual([op2, op1]);
    expect(agreedTextChanged(ydoc, op1, true)).toBe(false);
    // Typing and taking it back in one update changes nothing either.
    const text = paragraphElement(ydoc, op2)!.get(0) as Y.XmlText;
    ydoc.transact(() => {
      text.insert(0, 'x');
      text.delete(0, 1);
    });
    expect(agreedTextChanged(ydoc, op2, true)).toBe(false);
    // Bold is a change of the text.
    text.format(0, 8, { bold: true });
    expect(agreedTextChanged(ydoc, op2, true)).toBe(true);
    (paragraphElement(ydoc, op1)!.get(0) as Y.XmlText).insert(0, 'Warmly ');
    expect(agreedTextChanged(ydoc, op1, true)).toBe(true);
    (paragraphElement(ydoc, pp)!.get(0) as Y.XmlText).insert(0, 'Also ');
    expect(agreedTextChanged(ydoc, pp, true)).toBe(false);
    // Once pending, no further reset: no loop.
    setStatus(ydoc, op1, 'pending', { delegation: 'Mexico', name: 'Ana', role: 'delegation' }, reasonFor({ delegation: 'Mexico', name: 'Ana', role: 'delegation' }));
    expect(statusMap(ydoc).get(op1)).toMatchObject({ status: 'pending', reason: 'changed by Mexico (Ana)' });
    expect(agreedTextChanged(ydoc, op1, true)).toBe(false);
  });
});
