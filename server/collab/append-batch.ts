/**
 * Group commit for a document's update log. An update that arrives while
 * the store is writing waits, and all that waited go in the next write
 * together: one transaction, one round trip and one fsync for all of them.
 * Alone, an update is written at once, as before; under load (193 typists,
 * a shared PostgreSQL) the log keeps up instead of queueing every keystroke
 * behind the previous commit.
 *
 * Writes run on the document's queue (CollabDocument.enqueue), so the log
 * order is still the apply order, and `written` is called for each entry in
 * that order before the next write starts (seq bookkeeping, broadcast).
 */
export interface AppendBatchOptions<T> {
  /** Runs a task on the document's queue. */
  enqueue(task: () => Promise<void>): Promise<void>;
  /** Writes entries in order; resolves with their seqs once durable. */
  write(entries: T[]): Promise<number[]>;
  /** Called for each entry, in order, once its write is durable. */
  written(entry: T, seq: number): void;
  /** Entries per write at most. */
  max?: number;
}

interface Waiting<T> {
  entry: T;
  resolve(seq: number): void;
  reject(err: unknown): void;
}

export class AppendBatch<T> {
  private waiting: Waiting<T>[] = [];
  private draining = false;

  constructor(private readonly options: AppendBatchOptions<T>) {}

  /** Resolves with the entry's seq once it is durable; rejects if its write failed. */
  add(entry: T): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ entry, resolve, reject });
      if (this.draining) return;
      this.draining = true;
      void this.options.enqueue(() => this.drain());
    });
  }

  private async drain(): Promise<void> {
    const { write, written, max = 512 } = this.options;
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, max);
        let seqs: number[];
        try {
          seqs = await write(batch.map((w) => w.entry));
        } catch (err) {
          // What waited behind a failed write was applied after it: it fails with it (see DocumentRegistry.discard).
          for (const w of [...batch, ...this.waiting.splice(0)]) w.reject(err);
          return;
        }
        batch.forEach((w, i) => {
          written(w.entry, seqs[i]);
          w.resolve(seqs[i]);
        });
      }
    } finally {
      this.draining = false;
    }
  }
}
