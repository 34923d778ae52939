/** Starts the real server on an ephemeral port with a temporary DATA_DIR. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type ServerOptions } from '../../server/app';
import { createLogger, type Logger } from '../../server/log';

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Log lines written by the server (warnings and errors). */
  lines: string[];
  wsUrl: string;
}

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'penholder-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startTestServer(options: Partial<ServerOptions> & { dataDir: string }): Promise<TestServer> {
  const lines: string[] = [];
  const logger: Logger = options.logger ?? createLogger('warn', (line) => lines.push(line));
  const server = await startServer({ port: 0, ...options, logger });
  return { ...server, dataDir: options.dataDir, lines, wsUrl: server.url.replace(/^http/, 'ws') + '/collab' };
}

export async function createDocument(server: { url: string }, body: unknown): Promise<string> {
  const res = await fetch(`${server.url}/api/documents`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}
