/**
 * Real node processes for failure tests: `tsx server/main.ts` as child
 * processes configured by environment, the way an operator runs them. A node
 * can be killed with SIGKILL (no shutdown hook runs) and started again on
 * the same port, so clients that know its URL find it again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { tempDataDir, TEST_ADMIN_TOKEN } from './server';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));

export interface NodeEnv {
  DATABASE_URL?: string;
  REDIS_URL?: string;
  REDIS_PREFIX?: string;
  NODE_ID?: string;
  DATA_DIR?: string;
  [name: string]: string | undefined;
}

export class NodeProcess {
  child: ChildProcess | null = null;
  /** Everything the node wrote to stderr and stdout (for failure messages). */
  readonly lines: string[] = [];
  private exited: Promise<number | null> = Promise.resolve(null);

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: NodeEnv,
  ) {}

  /** True while the process is alive. */
  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}/collab`;
  }

  /** Starts the process and waits until /api/health answers (at most `timeoutMs`). */
  async start(timeoutMs = 60_000): Promise<void> {
    // The health check below must reach this process, not one left over on the port.
    const taken = await fetch(`${this.url}/api/health`).then(() => true, () => false);
    if (taken) throw new Error(`${this.name}: port ${this.port} already answers (a server left running?)`);
    // tsx as a loader inside the server's own process: the `tsx` command would run the server as a
    // child of its own, and a SIGKILL of the command would leave that child serving.
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', ...this.env, PORT: String(this.port), HOST: '127.0.0.1', PENHOLDER_ADMIN_TOKEN: TEST_ADMIN_TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line) this.lines.push(`[${this.name}] ${line}`);
      if (this.lines.length > 5000) this.lines.splice(0, this.lines.length - 5000);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    let exitCode: number | null | undefined;
    void this.exited.then((code) => (exitCode = code));
    const started = Date.now();
    for (;;) {
      if (exitCode !== undefined) throw new Error(`${this.name} exited with ${exitCode} while starting:\n${this.lines.slice(-30).join('\n')}`);
      if (Date.now() - started > timeoutMs) throw new Error(`${this.name} did not answer /api/health within ${timeoutMs} ms:\n${this.lines.slice(-30).join('\n')}`);
      try {
        const res = await fetch(`${this.url}/api/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** SIGKILL: the process ends at once, nothing is flushed. Resolves once it is gone. */
  async kill(): Promise<void> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await this.exited;
    // Dead means the port no longer answers (the `tsx` command once left the real server running as its child).
    const answers = await fetch(`${this.url}/api/health`).then(() => true, () => false);
    if (answers) throw new Error(`${this.name} was killed, but port ${this.port} still answers`);
  }

  /** SIGTERM and wait (a clean stop); SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = 15_000): Promise<void> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** A TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface Cluster {
  nodes: NodeProcess[];
  wsUrls: string[];
  /** Stops every node (SIGTERM) and removes their data directories. */
  stop(): Promise<void>;
  /** The last lines of every node's output, for a failure message. */
  logs(lines?: number): string;
}

/** Starts `count` nodes sharing `env` (DATABASE_URL, REDIS_URL, REDIS_PREFIX), each with its own id and data directory. */
export async function startCluster(count: number, env: NodeEnv): Promise<Cluster> {
  const dirs = Array.from({ length: count }, () => tempDataDir());
  const nodes: NodeProcess[] = [];
  for (let i = 0; i < count; i++) {
    nodes.push(new NodeProcess(`node-${i + 1}`, await freePort(), { ...env, NODE_ID: `node-${i + 1}`, DATA_DIR: dirs[i].dir }));
  }
  const cluster: Cluster = {
    nodes,
    wsUrls: nodes.map((n) => n.wsUrl),
    async stop() {
      await Promise.all(nodes.map((n) => n.stop()));
      for (const d of dirs) d.remove();
    },
    logs: (lines = 40) => nodes.map((n) => n.lines.slice(-lines).join('\n')).join('\n'),
  };
  try {
    // One after another: the first one creates the schema.
    for (const n of nodes) await n.start();
  } catch (err) {
    await cluster.stop();
    throw err;
  }
  return cluster;
}
