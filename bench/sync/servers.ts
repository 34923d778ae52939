/**
 * The servers bench:sync measures, as child processes: Penholder (one node,
 * or three sharing PostgreSQL and Redis) and the stock y-websocket server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { processUsage, startServerProcess, type ServerProcess } from '../../test/support/server-process';

export interface BenchServer {
  kind: 'penholder' | 'stock';
  /** One WebSocket base URL per node; clients are spread over them round-robin. */
  wsUrls: string[];
  /** The HTTP URL of the first node (API). */
  url: string;
  pids: number[];
  adminToken: string | null;
  /** The server's recent warnings and errors (Penholder's log). */
  warnings(): string[];
  stop(): Promise<void>;
}

/** CPU seconds and RSS of all the server's processes together. */
export function usage(server: BenchServer): { cpuSeconds: number; rssBytes: number } {
  let cpuSeconds = 0;
  let rssBytes = 0;
  for (const pid of server.pids) {
    const u = processUsage(pid);
    cpuSeconds += u.cpuSeconds;
    rssBytes += u.rssBytes;
  }
  return { cpuSeconds, rssBytes };
}

export async function startPenholder(dataDirs: string[], env: Record<string, string> = {}): Promise<BenchServer> {
  // Warnings and errors only would hide the start line; info is one line per connection, not per update.
  const nodes: ServerProcess[] = [];
  // BENCH_NODE_ARGS: extra Node flags for the server (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it).
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  for (const dataDir of dataDirs) nodes.push(await startServerProcess({ dataDir, nodeArgs, env: { LOG_LEVEL: 'info', ...env } }));
  return {
    kind: 'penholder',
    wsUrls: nodes.map((n) => n.wsUrl),
    url: nodes[0].url,
    pids: nodes.map((n) => n.pid),
    adminToken: nodes[0].adminToken,
    warnings: () => nodes.flatMap((n) => n.lines.filter((l) => / (WARN|ERROR) /.test(l))),
    stop: async () => {
      await Promise.all(nodes.map((n) => n.stop()));
    },
  };
}

const STOCK = fileURLToPath(new URL('./stock-server.ts', import.meta.url));

export function startStock(initialStates: Record<string, string>): Promise<BenchServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', STOCK], {
    env: { ...process.env, STOCK_INITIAL_STATES: JSON.stringify(initialStates) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the stock server exited (${code})`)));
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const port = /listening on (\d+)/.exec(out)?.[1];
      if (!port) return;
      child.removeAllListeners('exit');
      resolve({
        kind: 'stock',
        wsUrls: [`ws://127.0.0.1:${port}`],
        url: `http://127.0.0.1:${port}`,
        pids: [child.pid!],
        adminToken: null,
        warnings: () => [],
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
