/**
 * The reference: the stock y-websocket server (@y/websocket-server 0.1.1,
 * its own setupWSConnection) on a plain HTTP server, as its server.js does —
 * no authorization, attribution, validation or durable log. Documents named
 * in STOCK_INITIAL_STATES (JSON: name → file of a Yjs update) start with that
 * state, so the benchmark's clients see the same document on both servers.
 * Prints `listening on <port>` when ready.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { setContentInitializor, setupWSConnection } from '@y/websocket-server/utils';

const initial: Record<string, string> = JSON.parse(process.env.STOCK_INITIAL_STATES ?? '{}');
const states = new Map(Object.entries(initial).map(([name, file]) => [name, new Uint8Array(readFileSync(file))]));
setContentInitializor(async (doc: Y.Doc) => {
  const state = states.get((doc as Y.Doc & { name: string }).name);
  if (state) Y.applyUpdate(doc, state);
});

const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('okay');
});
server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)));
server.listen(0, '127.0.0.1', () => console.log(`listening on ${(server.address() as AddressInfo).port}`));
process.on('SIGTERM', () => process.exit(0));
