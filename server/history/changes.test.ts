import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { BODY_FIELD, NODE } from '../../shared/editor/schema';
import { changesOf } from './changes';

function paragraphDoc(): { doc: Y.Doc; text: Y.XmlText } {
  const doc = new Y.Doc({ gc: false });
  const section = new Y.XmlElement(NODE.operative);
  const p = new Y.XmlElement(NODE.operativeParagraph);
  p.setAttribute('id', 'op-a');
  const text = new Y.XmlText('Welcomes the report;');
  p.insert(0, [text]);
  section.insert(0, [p]);
  doc.getXmlFragment(BODY_FIELD).insert(0, [section]);
  return { doc, text };
}

/** Applies `update` to `target` and returns the changes read off that transaction. */
function replay(target: Y.Doc, update: Uint8Array) {
  let tr: Y.Transaction | null = null;
  const capture = (t: Y.Transaction) => (tr = t);
  target.on('afterTransaction', capture);
  Y.applyUpdate(target, update);
  target.off('afterTransaction', capture);
  return changesOf(tr!);
}

describe('changesOf', () => {
  it('reads inserted and deleted text per paragraph from one update, net of text typed and removed in it', () => {
    const { doc, text } = paragraphDoc();
    const replayed = new Y.Doc({ gc: false });
    Y.applyUpdate(replayed, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(doc);
    doc.transact(() => {
      text.insert(9, 'first ');
      text.insert(0, 'xx');
      text.delete(0, 2); // typed and removed within the update: neither
      text.delete(text.length - 7, 6); // "report"
    });
    expect(text.toString()).toBe('Welcomes first the ;');
    expect(replay(replayed, Y.encodeStateAsUpdate(doc, before))).toEqual([{ place: { id: 'op-a', kind: NODE.operativeParagraph }, inserted: 'first ', deleted: 'report' }]);
  });
});
