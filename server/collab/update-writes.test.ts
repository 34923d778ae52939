import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writesOf } from './update-writes';

/** A server document and a client that has synced with it. */
function pair() {
  const server = new Y.Doc({ gc: false });
  const body = server.getXmlFragment('resolution');
  const p = new Y.XmlElement('operative_paragraph');
  p.setAttribute('id', 'op1');
  p.insert(0, [new Y.XmlText('Decides to act;')]);
  body.insert(0, [p]);
  server.getMap('proposals').set('p1', { delegation: 'Mexico', text: 'x' });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** The update a client change produces, relative to the server's state. */
function change(server: Y.Doc, client: Y.Doc, edit: (d: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(server);
  edit(client);
  return Y.encodeStateAsUpdate(client, before);
}

describe('writesOf', () => {
  it('finds typing in a nested paragraph as a write to the body', () => {
    const { server, client } = pair();
    const update = change(server, client, (d) => {
      const text = (d.getXmlFragment('resolution').get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(7, 'firmly ');
    });
    expect(writesOf(server, update)).toEqual([{ root: 'resolution', key: null, deleted: false }]);
  });

  it('finds deletions in the body', () => {
    const { server, client } = pair();
    const update = change(server, client, (d) => {
      const text = (d.getXmlFragment('resolution').get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.delete(0, 3);
    });
    const writes = writesOf(server, update);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((w) => w.root === 'resolution' && w.deleted)).toBe(true);
  });

  it('reads the key and value of a new map entry, and of an overwrite (whose parent is not encoded)', () => {
    const { server, client } = pair();
    const added = change(server, client, (d) => d.getMap('proposals').set('p2', { delegation: 'Norway' }));
    expect(writesOf(server, added)).toEqual([{ root: 'proposals', key: 'p2', deleted: false, value: { delegation: 'Norway' } }]);
    Y.applyUpdate(server, added);

    const overwrite = change(server, client, (d) => d.getMap('proposals').set('p1', { delegation: 'Mexico', text: 'y' }));
    const writes = writesOf(server, overwrite);
    expect(writes).toContainEqual({ root: 'proposals', key: 'p1', deleted: false, value: { delegation: 'Mexico', text: 'y' } });
    expect(writes).toContainEqual({ root: 'proposals', key: 'p1', deleted: true });
  });

  it('ignores what the document already has (a re-sent update)', () => {
    const { server, client } = pair();
    const update = change(server, client, (d) => d.getMap('status').set('op1', { status: 'agreed' }));
    Y.applyUpdate(server, update);
    expect(writesOf(server, update)).toEqual([]);
    expect(writesOf(server, Y.encodeStateAsUpdate(client))).toEqual([]);
  });

  it('resolves items whose origin is earlier in the same update', () => {
    const { server, client } = pair();
    const update = change(server, client, (d) => {
      const text = (d.getXmlFragment('resolution').get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(0, 'a');
      text.insert(1, 'b'); // origin: the "a" just typed
      d.getMap('status').set('op1', { status: 'pending' });
      d.getMap('status').set('op1', { status: 'agreed' }); // origin: the entry just set
    });
    const writes = writesOf(server, update);
    expect(writes.filter((w) => w.root === 'resolution').length).toBeGreaterThan(0);
    expect(writes.filter((w) => w.root === 'status').every((w) => w.key === 'op1')).toBe(true);
    expect(writes.some((w) => w.root === null)).toBe(false);
  });
});
