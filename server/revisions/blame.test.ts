/**
 * The blame of the update log, on logs built the way the pipeline builds
 * them: one Y.Doc per delegation, each change logged as its own update with
 * its delegation.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { compareResolutions } from '../../shared/compare/compare';
import { BODY_FIELD, NODE } from '../../shared/editor/schema';
import { writeResolutionToYDoc } from '../../shared/editor/ydoc';
import { parseResolutionText } from '../../shared/text/parse';
import type { StoredUpdate } from '../storage/document-store';
import { DRAFT_L5 } from '../../test/support/draft';
import { attribute } from './attribution';
import { blame } from './blame';

/** A shared document and a log: every change by `delegation` is logged as one update. */
function logged() {
  const server = new Y.Doc({ gc: false });
  writeResolutionToYDoc(parseResolutionText(DRAFT_L5), server);
  const log: StoredUpdate[] = [{ seq: 1, update: Y.encodeStateAsUpdate(server), attribution: { connectionId: null, delegation: null, name: 'Penholder', role: 'system' }, time: '' }];
  const docs = new Map<string, Y.Doc>();
  const as = (delegation: string, edit: (doc: Y.Doc) => void) => {
    let doc = docs.get(delegation);
    if (!doc) docs.set(delegation, (doc = new Y.Doc()));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(server);
    doc.transact(() => edit(doc!));
    const update = Y.encodeStateAsUpdate(doc, before);
    Y.applyUpdate(server, update);
    log.push({ seq: log.length + 1, update, attribution: { connectionId: 'c', delegation, name: delegation, role: 'delegation' }, time: '' });
  };
  return { log, as, seq: () => log.length };
}

const operative = (doc: Y.Doc) => doc.getXmlFragment(BODY_FIELD).toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === NODE.operative) as Y.XmlElement;
const op = (doc: Y.Doc, i: number) => (operative(doc).get(i) as Y.XmlElement).get(0) as Y.XmlText;

function changes(log: StoredUpdate[], from: number, to: number) {
  const b = blame(log, from, to);
  return attribute(compareResolutions(b.fromModel, b.toModel), b)
    .paragraphs.filter((p) => p.status !== 'unchanged')
    .map((p) => ({ status: p.status, label: p.to?.label ?? p.from?.label, by: p.by, parts: p.parts.filter((x) => x.op !== 'equal').map((x) => `${x.op} ${JSON.stringify(x.text)} ${x.by?.join('+')}`) }));
}

describe('blame', () => {
  it('a word typed letter by letter by one delegation and then deleted by another is the second one’s deletion', () => {
    const { log, as, seq } = logged();
    const from = seq();
    for (const [i, ch] of [...'all '].entries()) as('Mexico', (d) => op(d, 0).insert('Urges '.length + i, ch));
    expect(changes(log, from, seq())).toEqual([{ status: 'changed', label: 'OP1', by: undefined, parts: ['insert "all " Mexico'] }]);
    const mid = seq();
    as('Norway', (d) => op(d, 0).delete('Urges '.length, 'all States '.length));
    // From the start: Mexico's word came and went; "States " was there before and Norway deleted it.
    expect(changes(log, from, seq())).toEqual([{ status: 'changed', label: 'OP1', by: undefined, parts: ['delete "States " Norway'] }]);
    expect(changes(log, mid, seq())).toEqual([{ status: 'changed', label: 'OP1', by: undefined, parts: ['delete "all States " Norway'] }]);
  });

  it('a move re-creates the paragraph: its words keep their authors; the move is the mover’s', () => {
    const { log, as, seq } = logged();
    const from = seq();
    as('Mexico', (d) => op(d, 0).insert('Urges '.length, 'all '));
    as('Kenya', (d) => {
      const s = operative(d);
      const moved = (s.get(0) as Y.XmlElement).clone();
      s.insert(s.length - 1, [moved]);
      s.delete(0, 1);
    });
    expect(changes(log, from, seq())).toEqual([{ status: 'moved', label: 'OP3', by: ['Kenya'], parts: ['insert "all " Mexico'] }]);
  });

  it('splitting a paragraph: the tail leaves the first and makes a new paragraph, both by the splitter', () => {
    const { log, as, seq } = logged();
    const from = seq();
    as('Kenya', (d) => {
      const s = operative(d);
      const text = op(d, 0);
      const at = text.toString().indexOf(' and the Protocols');
      const tail = text.toString().slice(at + 1);
      text.delete(at, text.length - at);
      text.insert(at, ';');
      const p = new Y.XmlElement(NODE.operativeParagraph);
      p.setAttribute('id', 'psplit');
      p.insert(0, [new Y.XmlText(`Also urges States parties to implement ${tail}`)]);
      s.insert(1, [p]);
    });
    expect(changes(log, from, seq())).toEqual([
      { status: 'changed', label: 'OP1', by: undefined, parts: ['delete " and the Protocols thereto" Kenya'] },
      { status: 'added', label: 'OP2', by: ['Kenya'], parts: ['insert "Also urges States parties to implement and the Protocols thereto;" Kenya'] },
    ]);
  });
});
