/**
 * Where the corpus of prior documents lives: beside the documents, in the
 * same database. Async like DocumentStore so that PostgreSQL can sit behind it.
 */
import type { CorpusDocument } from '../language/corpus';

export interface CorpusEntry extends CorpusDocument {
  /** When it was added, ISO time; who added it ("seed", "cli", a delegation). */
  addedAt: string;
  addedBy: string;
}

export interface CorpusStore {
  list(): Promise<CorpusEntry[]>;
  /** Adds or replaces a document (same id). */
  put(doc: CorpusDocument, addedBy: string): Promise<CorpusEntry>;
  remove(id: string): Promise<boolean>;
  /** Changes whenever the corpus changes (also by another process, e.g. the CLI). */
  revision(): Promise<number>;
  /** Whether the default corpus (the seeds) was ever loaded: removed seeds stay removed. */
  isSeeded(): Promise<boolean>;
  markSeeded(): Promise<void>;
  close(): Promise<void>;
}
