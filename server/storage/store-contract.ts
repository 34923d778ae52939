/**
 * The storage contract: one test suite that every backend passes (SQLite in
 * sqlite.contract.test.ts, PostgreSQL in postgres/postgres.contract.test.ts).
 *
 * `open()` opens a NEW set of stores on the same database each time (its own
 * connections, as another node or process would), so the suite can check
 * what several writers see of each other. The database starts empty.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Attribution } from './document-store';
import { RevisionConflict, type Revision } from './revision-store';
import type { Stores } from './index';

export interface StoreBackend {
  open(): Promise<Stores>;
}

const uid = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}`;
const bytes = (...values: number[]) => new Uint8Array(values);
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

const ITALY: Attribution = { connectionId: 'c-1', delegation: 'Italy', name: 'Ada', role: 'delegation' };
const SERVER: Attribution = { connectionId: null, delegation: null, name: null, role: 'admin' };

export function describeStoreContract(backendName: string, backend: StoreBackend): void {
  const opened: Stores[] = [];
  const open = async () => {
    const stores = await backend.open();
    opened.push(stores);
    return stores;
  };
  afterAll(async () => {
    for (const s of opened) await s.close();
  });

  describe(`${backendName}: documents`, () => {
    const meta = (id: string, title = 'Draft') => ({ id, title, symbol: 'A/C.3/80/L.1', template: 'ga-main-committee' });

    it('creates, gets and lists documents; an unknown id is null', async () => {
      const { documents } = await open();
      const a = uid('doc');
      const b = uid('doc');
      const created = await documents.create(meta(a, 'First'), bytes(1), SERVER);
      expect(created).toMatchObject({ id: a, title: 'First', symbol: 'A/C.3/80/L.1', template: 'ga-main-committee' });
      expect(created.createdAt).toMatch(ISO);
      await documents.create({ ...meta(b, 'Second'), template: null }, bytes(2), SERVER);
      expect(await documents.get(a)).toEqual(created);
      expect((await documents.get(b))?.template).toBeNull();
      expect(await documents.get(uid('missing'))).toBeNull();

      // Most recently updated first: an update to the first document moves it ahead.
      await new Promise((r) => setTimeout(r, 5));
      await documents.appendUpdate(a, bytes(3), ITALY);
      const ids = (await documents.list()).map((d) => d.id).filter((id) => id === a || id === b);
      expect(ids).toEqual([a, b]);
      expect(Date.parse((await documents.get(a))!.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
    });

    it('numbers appended updates 2, 3, 4… after the initial state and keeps their order', async () => {
      const { documents } = await open();
      const id = uid('doc');
      await documents.create(meta(id), bytes(0), SERVER);
      const seqs = [];
      for (let i = 1; i <= 5; i++) seqs.push(await documents.appendUpdate(id, bytes(i, i), ITALY));
      expect(seqs).toEqual([2, 3, 4, 5, 6]);
      const log = await documents.history(id);
      expect(log.map((u) => u.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(log.map((u) => [...u.update])).toEqual([[0], [1, 1], [2, 2], [3, 3], [4, 4], [5, 5]]);
    });

    it('refuses an update to an unknown document', async () => {
      const { documents } = await open();
      await expect(documents.appendUpdate(uid('missing'), bytes(1), ITALY)).rejects.toThrow();
    });

    it('loads the latest snapshot plus the updates after it', async () => {
      const { documents } = await open();
      const id = uid('doc');
      // Real Yjs updates: loading must rebuild the same text.
      const ydoc = new Y.Doc();
      const updates: Uint8Array[] = [];
      ydoc.on('update', (u: Uint8Array) => updates.push(u));
      ydoc.getText('t').insert(0, 'Recalling');
      await documents.create(meta(id), updates[0], SERVER);
      for (const word of [' its', ' resolution', ' 10/2']) {
        ydoc.getText('t').insert(ydoc.getText('t').length, word);
        await documents.appendUpdate(id, updates.at(-1)!, ITALY);
      }
      const rebuild = (loaded: { snapshot: Uint8Array | null; updates: Uint8Array[] }) => {
        const copy = new Y.Doc();
        if (loaded.snapshot) Y.applyUpdate(copy, loaded.snapshot);
        for (const u of loaded.updates) Y.applyUpdate(copy, u);
        return copy.getText('t').toString();
      };

      let loaded = (await documents.load(id))!;
      expect(loaded.snapshot && [...loaded.snapshot]).toEqual([...updates[0]]);
      expect(loaded.updates).toHaveLength(3);
      expect(loaded.lastSeq).toBe(4);
      expect(rebuild(loaded)).toBe('Recalling its resolution 10/2');

      // A snapshot covering seq 3: only seq 4 remains to replay.
      const state3 = Y.mergeUpdates(updates.slice(0, 3));
      await documents.saveSnapshot(id, state3, 3, { title: 'Snapshotted', symbol: 'S/3' });
      loaded = (await documents.load(id))!;
      expect([...loaded.snapshot!]).toEqual([...state3]);
      expect(loaded.updates.map((u) => [...u])).toEqual([[...updates[3]]]);
      expect(loaded.lastSeq).toBe(4);
      expect(rebuild(loaded)).toBe('Recalling its resolution 10/2');
      expect(await documents.get(id)).toMatchObject({ title: 'Snapshotted', symbol: 'S/3' });
      // The log itself stays whole: it is the history.
      expect((await documents.history(id)).map((u) => u.seq)).toEqual([1, 2, 3, 4]);
      expect(await documents.load(uid('missing'))).toBeNull();
    });

    it('never moves a snapshot backwards (nor its title)', async () => {
      const { documents } = await open();
      const id = uid('doc');
      await documents.create(meta(id), bytes(0), SERVER);
      for (let i = 1; i <= 4; i++) await documents.appendUpdate(id, bytes(i), ITALY);
      await documents.saveSnapshot(id, bytes(9, 4), 4, { title: 'At four', symbol: '' });
      await documents.saveSnapshot(id, bytes(9, 2), 2, { title: 'At two', symbol: '' });
      await documents.saveSnapshot(id, bytes(9, 4, 4), 4, { title: 'At four again', symbol: '' });
      const loaded = (await documents.load(id))!;
      expect([...loaded.snapshot!]).toEqual([9, 4]);
      // Seq 5 (the fourth append, bytes [4]) is after the snapshot.
      expect(loaded.updates.map((u) => [...u])).toEqual([[4]]);
      expect(loaded.lastSeq).toBe(5);
      expect((await documents.get(id))!.title).toBe('At four');
    });

    it('reads the history after a sequence number, with attribution and time', async () => {
      const { documents } = await open();
      const id = uid('doc');
      await documents.create(meta(id), bytes(0), SERVER);
      const mexico: Attribution = { connectionId: 'c-2', delegation: 'Mexico', name: null, role: 'facilitator' };
      await documents.appendUpdate(id, bytes(1), ITALY);
      await documents.appendUpdate(id, bytes(2), mexico);
      await documents.appendUpdate(id, bytes(3), ITALY);
      const after2 = await documents.history(id, 2);
      expect(after2.map((u) => u.seq)).toEqual([3, 4]);
      expect(after2[0].attribution).toEqual(mexico);
      expect(after2[1].attribution).toEqual(ITALY);
      expect(after2[0].time).toMatch(ISO);
      expect((await documents.history(id))[0].attribution).toEqual(SERVER);
      expect(await documents.history(id, 4)).toEqual([]);
      expect(await documents.history(uid('missing'))).toEqual([]);
    });

    it('appends a batch in order under consecutive seqs, each with its attribution; a batch for an unknown document is refused whole', async () => {
      const { documents } = await open();
      const id = uid('doc');
      await documents.create(meta(id), bytes(0), SERVER);
      const mexico: Attribution = { connectionId: 'c-2', delegation: 'Mexico', name: 'Ana', role: 'delegation' };
      expect(await documents.appendUpdate(id, bytes(1), ITALY)).toBe(2);
      const seqs = await documents.appendUpdates(id, [
        { update: bytes(2), attribution: mexico },
        { update: bytes(3), attribution: ITALY },
        { update: bytes(4), attribution: mexico },
      ]);
      expect(seqs).toEqual([3, 4, 5]);
      expect(await documents.appendUpdates(id, [{ update: bytes(5), attribution: ITALY }])).toEqual([6]);
      const log = await documents.history(id, 2);
      expect(log.map((u) => [u.seq, u.update[0], u.attribution.delegation])).toEqual([
        [3, 2, 'Mexico'],
        [4, 3, 'Italy'],
        [5, 4, 'Mexico'],
        [6, 5, 'Italy'],
      ]);
      expect(log[0].attribution).toEqual(mexico);
      expect((await documents.load(id))!.lastSeq).toBe(6);
      await expect(documents.appendUpdates(uid('missing'), [{ update: bytes(1), attribution: ITALY }, { update: bytes(2), attribution: ITALY }])).rejects.toThrow();
    });

    it('numbers concurrent appends from 4 separate connections 1..N: no gap, no duplicate, nothing lost', async () => {
      const writers = await Promise.all([open(), open(), open(), open()]);
      const id = uid('doc');
      await writers[0].documents.create(meta(id), bytes(255, 255), SERVER);
      const PER_WRITER = 100;
      // Every update is unique: (writer, i) in its bytes.
      const results = await Promise.all(
        writers.map((w, writer) =>
          Promise.all(
            Array.from({ length: PER_WRITER }, (_, i) =>
              w.documents.appendUpdate(id, bytes(writer, i), { ...ITALY, connectionId: `w${writer}` }).then((seq) => ({ seq, key: `${writer}:${i}` })),
            ),
          ),
        ),
      );
      const total = writers.length * PER_WRITER + 1;
      const returned = results.flat();
      expect(new Set(returned.map((r) => r.seq)).size).toBe(returned.length);

      const log = await writers[3].documents.history(id);
      expect(log.map((u) => u.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      const keys = log.slice(1).map((u) => `${u.update[0]}:${u.update[1]}`);
      expect(new Set(keys).size).toBe(total - 1);
      // Each writer got back the seq under which its update was stored.
      const bySeq = new Map(log.map((u) => [u.seq, `${u.update[0]}:${u.update[1]}`]));
      for (const r of returned) expect(bySeq.get(r.seq)).toBe(r.key);
      expect((await writers[2].documents.load(id))!.lastSeq).toBe(total);
    });

    it('lets one holder at a time compact a document', async () => {
      const [nodeA, nodeB] = await Promise.all([open(), open()]);
      const id = uid('doc');
      const other = uid('doc');
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let entered!: () => void;
      const inside = new Promise<void>((r) => (entered = r));
      const ran: string[] = [];

      const first = nodeA.documents.withCompactionLock(id, async () => {
        ran.push('A');
        entered();
        await gate;
        return 'A done';
      });
      await inside;
      // B is refused while A holds the lock, without running its function…
      expect(await nodeB.documents.withCompactionLock(id, async () => ran.push('B'))).toBeNull();
      // …and so is a second holder on A's own stores.
      expect(await nodeA.documents.withCompactionLock(id, async () => ran.push('A2'))).toBeNull();
      // Another document's lock is independent.
      expect(await nodeB.documents.withCompactionLock(other, async () => 'other')).toBe('other');
      release();
      expect(await first).toBe('A done');
      // Released: B may now take it; a failing holder releases it too.
      await expect(nodeB.documents.withCompactionLock(id, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      expect(await nodeA.documents.withCompactionLock(id, async () => 'A again')).toBe('A again');
      expect(ran).toEqual(['A']);
    });
  });

  describe(`${backendName}: participants`, () => {
    const future = () => new Date(Date.now() + 3_600_000).toISOString();
    const hash = () => randomBytes(16).toString('hex');

    async function participant(stores: Stores, documentId: string, delegation: string, expiresAt = future()) {
      const tokenHash = hash();
      const p = await stores.participants.addParticipant({ id: uid('p'), documentId, delegation, name: `${delegation} delegate`, role: 'delegation' }, { tokenHash, expiresAt });
      return { p, tokenHash };
    }
    const sessionFor = () => ({ id: uid('s'), tokenHash: hash(), expiresAt: future() });

    it('adds participants and lists those of a document in order', async () => {
      const stores = await open();
      const doc = uid('doc');
      const { p: first } = await participant(stores, doc, 'Italy');
      await new Promise((r) => setTimeout(r, 5)); // listed by creation time (then id)
      const { p: second } = await participant(stores, doc, 'Mexico');
      await participant(stores, uid('doc'), 'Elsewhere');
      expect(first).toMatchObject({ documentId: doc, delegation: 'Italy', name: 'Italy delegate', role: 'delegation', revokedAt: null });
      expect(first.createdAt).toMatch(ISO);
      expect(await stores.participants.participant(first.id)).toEqual(first);
      expect((await stores.participants.participants(doc)).map((p) => p.delegation)).toEqual(['Italy', 'Mexico']);
      expect((await stores.participants.participants(doc))[1]).toEqual(second);
      expect(await stores.participants.participant(uid('missing'))).toBeNull();
    });

    it('redeems an invitation once only, and never an unknown one', async () => {
      const stores = await open();
      const { p, tokenHash } = await participant(stores, uid('doc'), 'Italy');
      const now = new Date().toISOString();
      const session = sessionFor();
      const got = await stores.participants.redeemInvitation(tokenHash, session, now);
      expect(got).toEqual({ ...session, participantId: p.id, createdAt: now, revokedAt: null });
      expect(await stores.participants.sessionByHash(session.tokenHash)).toEqual(got);
      expect(await stores.participants.redeemInvitation(tokenHash, sessionFor(), new Date().toISOString())).toBeNull();
      expect(await stores.participants.redeemInvitation(hash(), sessionFor(), now)).toBeNull();
    });

    it('redeems an invitation once even when two nodes try at the same time', async () => {
      const [a, b] = await Promise.all([open(), open()]);
      const { tokenHash } = await participant(a, uid('doc'), 'Italy');
      const now = new Date().toISOString();
      const results = await Promise.all([a, b, a, b].map((s) => s.participants.redeemInvitation(tokenHash, sessionFor(), now)));
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    });

    it('refuses an expired invitation, and the invitation of a revoked participant', async () => {
      const stores = await open();
      const expiresAt = new Date(Date.now() + 60_000).toISOString();
      const { tokenHash } = await participant(stores, uid('doc'), 'Italy', expiresAt);
      const after = new Date(Date.parse(expiresAt) + 1).toISOString();
      expect(await stores.participants.redeemInvitation(tokenHash, sessionFor(), after)).toBeNull();
      expect(await stores.participants.redeemInvitation(tokenHash, sessionFor(), expiresAt)).toBeNull();
      // Still unused: redeemable before it expires.
      expect(await stores.participants.redeemInvitation(tokenHash, sessionFor(), new Date().toISOString())).not.toBeNull();

      const revoked = await participant(stores, uid('doc'), 'Mexico');
      await stores.participants.revokeParticipant(revoked.p.id);
      expect(await stores.participants.redeemInvitation(revoked.tokenHash, sessionFor(), new Date().toISOString())).toBeNull();
    });

    it('revokes a session, and every session of a revoked participant', async () => {
      const stores = await open();
      const admin = await stores.participants.addSession({ ...sessionFor(), participantId: null });
      expect(admin.participantId).toBeNull();
      expect(await stores.participants.sessionByHash(admin.tokenHash)).toEqual(admin);
      await stores.participants.revokeSession(admin.id);
      expect((await stores.participants.sessionByHash(admin.tokenHash))!.revokedAt).toMatch(ISO);

      const { p, tokenHash } = await participant(stores, uid('doc'), 'Italy');
      const s1 = await stores.participants.redeemInvitation(tokenHash, sessionFor(), new Date().toISOString());
      const s2 = await stores.participants.addSession({ ...sessionFor(), participantId: p.id });
      await stores.participants.revokeParticipant(p.id);
      expect((await stores.participants.participant(p.id))!.revokedAt).toMatch(ISO);
      expect((await stores.participants.sessionByHash(s1!.tokenHash))!.revokedAt).toMatch(ISO);
      expect((await stores.participants.sessionByHash(s2.tokenHash))!.revokedAt).toMatch(ISO);
      expect(await stores.participants.sessionByHash(hash())).toBeNull();
    });

    it('keeps the first writer of a client id, whichever node claims it later', async () => {
      const [a, b] = await Promise.all([open(), open()]);
      const doc = uid('doc');
      const italy = { delegation: 'Italy', name: 'Ada', role: 'delegation', participantId: 'p-it' };
      const mexico = { delegation: 'Mexico', name: null, role: 'delegation', participantId: 'p-mx' };
      await a.participants.claimClientIds(doc, [
        { clientId: 4294967295, ...italy },
        { clientId: 7, ...italy },
      ]);
      await b.participants.claimClientIds(doc, [
        { clientId: 7, ...mexico },
        { clientId: 12, ...mexico },
      ]);
      await b.participants.claimClientIds(doc, []);
      expect(await a.participants.clientAuthors(doc)).toEqual([
        { clientId: 7, ...italy },
        { clientId: 12, ...mexico },
        { clientId: 4294967295, ...italy },
      ]);
      expect(await b.participants.clientAuthors(uid('doc'))).toEqual([]);
    });
  });

  describe(`${backendName}: corpus`, () => {
    const corpusDoc = (id: string, title: string) => ({
      id,
      symbol: `resolution ${title}`,
      body: 'Conference of the Parties',
      title,
      kind: 'resolution' as const,
      date: '2020-10-16',
      paragraphs: [
        { label: 'PP1', text: 'Recalling its resolution 9/1,' },
        { label: 'OP1', text: 'Requests the Secretariat to report;' },
        { label: 'OP2', text: 'Decides to remain seized of the matter.' },
      ],
    });

    it('puts, replaces, lists and removes documents; every change bumps the revision another process sees', async () => {
      const [cli, node] = await Promise.all([open(), open()]);
      const id = uid('c');
      const r0 = await node.corpus.revision();
      const entry = await cli.corpus.put(corpusDoc(id, '10/2'), 'cli');
      expect(entry.addedBy).toBe('cli');
      expect(entry.addedAt).toMatch(ISO);
      const r1 = await node.corpus.revision();
      expect(r1).not.toBe(r0);
      const listed = (await node.corpus.list()).find((d) => d.id === id);
      expect(listed).toEqual(entry);

      // Same id: replaced, with its new paragraphs in order.
      const replaced = { ...corpusDoc(id, '10/2 (revised)'), paragraphs: [{ label: 'OP1', text: 'Decides.' }] };
      await node.corpus.put(replaced, 'Mexico');
      expect(await cli.corpus.revision()).not.toBe(r1);
      const now = (await cli.corpus.list()).filter((d) => d.id === id);
      expect(now).toHaveLength(1);
      expect(now[0]).toMatchObject({ title: '10/2 (revised)', addedBy: 'Mexico', paragraphs: [{ label: 'OP1', text: 'Decides.' }] });

      const r2 = await cli.corpus.revision();
      expect(await cli.corpus.remove(id)).toBe(true);
      const r3 = await node.corpus.revision();
      expect(r3).not.toBe(r2);
      expect((await node.corpus.list()).some((d) => d.id === id)).toBe(false);
      expect(await node.corpus.remove(id)).toBe(false);
      expect(await node.corpus.revision()).toBe(r3);
    });

    it('takes puts of the same document from two nodes at once: both succeed, one whole version remains', async () => {
      const [a, b] = await Promise.all([open(), open()]);
      const id = uid('c');
      const versionA = { ...corpusDoc(id, 'A'), paragraphs: Array.from({ length: 30 }, (_, i) => ({ label: `OP${i + 1}`, text: `A ${i}` })) };
      const versionB = { ...corpusDoc(id, 'B'), paragraphs: Array.from({ length: 20 }, (_, i) => ({ label: `OP${i + 1}`, text: `B ${i}` })) };
      await Promise.all([a.corpus.put(versionA, 'node-a'), b.corpus.put(versionB, 'node-b'), a.corpus.put(versionA, 'node-a'), b.corpus.put(versionB, 'node-b')]);
      const stored = (await a.corpus.list()).filter((d) => d.id === id);
      expect(stored).toHaveLength(1);
      const expected = stored[0].title === 'A' ? versionA : versionB;
      expect(stored[0].paragraphs).toEqual(expected.paragraphs);
    });

    it('lists documents by date, then id', async () => {
      const stores = await open();
      const later = { ...corpusDoc(uid('c'), 'later'), date: '2031-01-02' };
      const earlier = { ...corpusDoc(uid('c'), 'earlier'), date: '2031-01-01' };
      await stores.corpus.put(later, 'cli');
      await stores.corpus.put(earlier, 'cli');
      const ids = (await stores.corpus.list()).map((d) => d.id);
      expect(ids.indexOf(earlier.id)).toBeLessThan(ids.indexOf(later.id));
      expect(ids.indexOf(earlier.id)).toBeGreaterThanOrEqual(0);
    });

    it('remembers that the seeds were loaded (a fresh database has not)', async () => {
      const [a, b] = await Promise.all([open(), open()]);
      expect(await a.corpus.isSeeded()).toBe(false);
      await a.corpus.markSeeded();
      await a.corpus.markSeeded();
      expect(await b.corpus.isSeeded()).toBe(true);
    });
  });

  describe(`${backendName}: revisions`, () => {
    const revision = (documentId: string, number: number, seq: number): Revision => ({
      documentId,
      number,
      symbol: number ? `CTOC/COP/2024/L.5/Rev.${number}` : 'CTOC/COP/2024/L.5',
      date: '2024-10-17',
      sponsors: ['Mexico', 'Norway'],
      seq,
      state: bytes(number, 1, 2, 3),
      text: `text of revision ${number}`,
      issuedAt: new Date().toISOString(),
      issuedBy: { delegation: 'Secretariat', name: 'Officer', role: 'secretariat' },
      overrideReason: number === 1 ? 'Deadline' : null,
      overriddenErrors: number === 1 ? ['OP-PUNCT OP3'] : [],
    });

    it('adds revisions, lists them by number without their states, and gets one whole; another process sees them', async () => {
      const [a, b] = await Promise.all([open(), open()]);
      const doc = uid('doc');
      await a.documents.create({ id: doc, title: 'T', symbol: '', template: null }, bytes(1), SERVER);
      await a.revisions.add(revision(doc, 1, 9));
      await a.revisions.add(revision(doc, 0, 4));
      const listed = await b.revisions.list(doc);
      expect(listed.map((r) => [r.number, r.symbol, r.seq])).toEqual([
        [0, 'CTOC/COP/2024/L.5', 4],
        [1, 'CTOC/COP/2024/L.5/Rev.1', 9],
      ]);
      expect('state' in listed[0]).toBe(false);
      expect(listed[1]).toMatchObject({ sponsors: ['Mexico', 'Norway'], overrideReason: 'Deadline', overriddenErrors: ['OP-PUNCT OP3'], issuedBy: { delegation: 'Secretariat', name: 'Officer', role: 'secretariat' } });
      expect(listed[1].issuedAt).toMatch(ISO);
      const whole = await b.revisions.get(doc, 1);
      expect(whole?.state).toEqual(bytes(1, 1, 2, 3));
      expect(await b.revisions.get(doc, 2)).toBeNull();
      expect(await b.revisions.list(uid('doc'))).toEqual([]);
    });

    it('refuses a second revision with the same number, from any process', async () => {
      const [a, b] = await Promise.all([open(), open()]);
      const doc = uid('doc');
      await a.documents.create({ id: doc, title: 'T', symbol: '', template: null }, bytes(1), SERVER);
      const results = await Promise.allSettled([a.revisions.add(revision(doc, 1, 5)), b.revisions.add(revision(doc, 1, 6))]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(RevisionConflict);
      expect(await a.revisions.list(doc)).toHaveLength(1);
    });
  });
}
