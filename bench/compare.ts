/**
 * npm run bench:compare — comparing two versions with every change
 * attributed, on a log of typing: the 2024 Mexico draft (seed 001), then
 * 5,000 one-character updates (insertions and some deletions) by two
 * delegations spread over its operative paragraphs. Prints the time of the
 * attributed comparison (blame of the log + compare + attribution) next to
 * the in-run reference: the per-delegation history of the same log
 * (HistoryService.changes), which replays the same updates.
 */
import * as Y from 'yjs';
import { compareResolutions } from '../shared/compare/compare';
import { BODY_FIELD, NODE } from '../shared/editor/schema';
import { writeResolutionToYDoc } from '../shared/editor/ydoc';
import { parseResolutionText } from '../shared/text/parse';
import { HistoryService } from '../server/history/service';
import { attribute } from '../server/revisions/attribution';
import { blame } from '../server/revisions/blame';
import type { DocumentStore, StoredUpdate } from '../server/storage/document-store';
import { readSeed } from '../test/support/seeds';

const UPDATES = Number(process.env.BENCH_UPDATES ?? 5000);

function typingLog(): StoredUpdate[] {
  const server = new Y.Doc({ gc: false });
  writeResolutionToYDoc(parseResolutionText(readSeed('001')), server);
  const log: StoredUpdate[] = [{ seq: 1, update: Y.encodeStateAsUpdate(server), attribution: { connectionId: null, delegation: null, name: 'Penholder', role: 'system' }, time: new Date(0).toISOString() }];
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const operative = client.getXmlFragment(BODY_FIELD).toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === NODE.operative) as Y.XmlElement;
  for (let i = 0; i < UPDATES; i++) {
    const before = Y.encodeStateVector(server);
    const text = (operative.get(i % operative.length) as Y.XmlElement).get(0) as Y.XmlText;
    if (i % 7 === 6) text.delete(3, 1);
    else text.insert(5 + (i % 11), 'x');
    const update = Y.encodeStateAsUpdate(client, before);
    Y.applyUpdate(server, update);
    const delegation = i % 2 ? 'Mexico' : 'Norway';
    log.push({ seq: log.length + 1, update, attribution: { connectionId: delegation, delegation, name: delegation, role: 'delegation' }, time: new Date(i * 1000).toISOString() });
  }
  return log;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (run: () => unknown, repeat = 5) => {
  const out: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    run();
    out.push(performance.now() - t);
  }
  return median(out);
};

const log = typingLog();
const paragraphs = parseResolutionText(readSeed('001'));
console.log(`log: ${log.length} updates on a draft of ${paragraphs.preamble.length} PPs and ${paragraphs.operative.length} OPs`);

let summary = '';
const compareMs = time(() => {
  const b = blame(log, 1, log.length);
  const c = attribute(compareResolutions(b.fromModel, b.toModel), b);
  summary = JSON.stringify(c.summary);
});
const store = { history: async () => log } as unknown as DocumentStore;
const history = new HistoryService(store);
const samples: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  await history.changes('bench');
  samples.push(performance.now() - t);
}
const historyMs = median(samples);
console.log(`compare first → last, attributed: ${compareMs.toFixed(0)} ms (median of 5; ${summary})`);
console.log(`reference, per-delegation history of the same log: ${historyMs.toFixed(0)} ms`);
console.log(`ratio: ${(compareMs / historyMs).toFixed(2)}× the history replay`);
