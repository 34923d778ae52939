/**
 * Penholder as a child process (`server/main.ts`, configured by its
 * environment like in production): for tests that must see the process
 * survive (fuzzing) and for the load benchmark, which measures the server's
 * own CPU and memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TEST_ADMIN_TOKEN } from './server';

const MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  wsUrl: string;
  adminToken: string;
  /** The last log lines (warnings and errors, and info when LOG_LEVEL=info). */
  lines: string[];
  /** Log lines seen so far, by level. */
  counts: Record<string, number>;
  /** Null while it runs; the exit code or signal once it has stopped. */
  exited: { code: number | null; signal: NodeJS.Signals | null } | null;
  /** SIGTERM, wait for the clean exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

const KEEP_LINES = 500;

export function startServerProcess(options: { dataDir: string; env?: Record<string, string>; nodeArgs?: string[] }): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: options.dataDir, PENHOLDER_ADMIN_TOKEN: TEST_ADMIN_TOKEN, LOG_LEVEL: 'info', ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: string[] = [];
  const counts: Record<string, number> = {};
  const handle: ServerProcess = {
    child,
    pid: child.pid!,
    url: '',
    wsUrl: '',
    adminToken: TEST_ADMIN_TOKEN,
    lines,
    counts,
    exited: null,
    stop: async (graceMs = 10_000) => {
      if (handle.exited) return;
      const done = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await done;
      clearTimeout(timer);
    },
  };
  child.once('exit', (code, signal) => (handle.exited = { code, signal }));
  let buffered = '';
  return new Promise((resolve, reject) => {
    let started = false;
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(err);
    };
    const timer = setTimeout(() => fail(new Error(`the server did not start within 30 s; last lines:\n${lines.slice(-20).join('\n')}`)), 30_000);
    child.once('exit', (code, signal) => {
      if (!started) fail(new Error(`the server exited at start (${code ?? signal}); last lines:\n${lines.slice(-20).join('\n')}`));
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      for (const line of parts) {
        const level = / (DEBUG|INFO|WARN|ERROR) /.exec(line)?.[1] ?? 'OTHER';
        counts[level] = (counts[level] ?? 0) + 1;
        lines.push(line);
        if (lines.length > KEEP_LINES) lines.shift();
        const running = /Penholder is running at (http:\/\/\S+)/.exec(line);
        if (running && !started) {
          started = true;
          clearTimeout(timer);
          handle.url = running[1];
          handle.wsUrl = running[1].replace(/^http/, 'ws') + '/collab';
          resolve(handle);
        }
      }
    });
  });
}

/** Resident memory and CPU time (user + system, seconds) of a process, from /proc (Linux). */
export function processUsage(pid: number): { rssBytes: number; cpuSeconds: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name): utime, stime in clock ticks (100 Hz on Linux).
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { rssBytes: rssKb * 1024, cpuSeconds: ticks / 100 };
}
