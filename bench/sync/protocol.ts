/** Messages between the benchmark's main thread and its client workers (bench/sync.ts, bench/sync/worker.ts). */

export interface WorkerSetup {
  /** Per client: the WebSocket base URL (ws://host:port/collab, or ws://host:port for the stock server) and its session token. */
  clients: Array<{ index: number; url: string; token: string | null }>;
  docName: string;
  /** Send times (ms, wall clock) of every edit, shared by all workers: [client index × maxEdits + Yjs clock]. */
  sentAt: SharedArrayBuffer;
  maxEdits: number;
  /** Client i uses Yjs client id clientIdBase + i, so a receiver knows whose edit an update carries. */
  clientIdBase: number;
  /** Characters per second while active. */
  charsPerSecond: number;
  /** One client in `activeShare` is active at a time; the active ones change every `rotateMs`. */
  activeShare: number;
  rotateMs: number;
  /** Connections opened at once while joining. */
  joinBatch: number;
}

export type ToWorker = { type: 'start'; at: number; seconds: number } | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; joinMs: number }
  | { type: 'done'; latencies: Float64Array; edits: number; awareness: number; closes: Record<string, number> }
  | { type: 'error'; message: string };

/** Wall-clock milliseconds with sub-millisecond precision, comparable across threads of one machine. */
export const wallClock = () => performance.timeOrigin + performance.now();
