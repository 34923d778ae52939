/**
 * The corpus as the running server uses it: stored documents, the language
 * index and the act registry built from them, rebuilt when the corpus
 * changes — through the app, or through the CLI in another process.
 */
import type { CitationCorpus } from '../../shared/validation/citations';
import { buildActRegistry, citationCorpusOf, type ActRegistry } from '../language/acts';
import type { CorpusDocument } from '../language/corpus';
import { LanguageIndex } from '../language/index';
import type { Logger } from '../log';
import type { CorpusEntry, CorpusStore } from '../storage/corpus-store';
import { seedCorpusDocuments } from './seeds';

/** How often a query checks whether another process changed the corpus. */
const FRESHNESS_MS = 2000;

export class CorpusService {
  private index = LanguageIndex.build([]);
  private acts: ActRegistry = { acts: new Map() };
  private entries: CorpusEntry[] = [];
  private revision = -1;
  private checkedAt = 0;

  constructor(
    private readonly store: CorpusStore,
    private readonly log: Logger,
    /** Told the citation corpus (adopted acts) whenever the corpus changes. */
    private readonly onCitationCorpus?: (corpus: CitationCorpus) => void,
  ) {}

  /** Loads the corpus; the first time, with the seeds as the default corpus. */
  async start(options: { seed?: boolean } = {}): Promise<void> {
    if ((options.seed ?? true) && !(await this.store.isSeeded())) {
      const seeds = seedCorpusDocuments();
      for (const doc of seeds) await this.store.put(doc, 'seed');
      await this.store.markSeeded();
      this.log.info('corpus seeded', { documents: seeds.length });
    }
    await this.reload();
  }

  /** The index and registry, rebuilt first if the stored corpus changed. */
  async current(): Promise<{ index: LanguageIndex; acts: ActRegistry }> {
    if (Date.now() - this.checkedAt > FRESHNESS_MS) {
      this.checkedAt = Date.now();
      if ((await this.store.revision()) !== this.revision) await this.reload();
    }
    return { index: this.index, acts: this.acts };
  }

  async list(): Promise<CorpusEntry[]> {
    await this.current();
    return this.entries;
  }

  async add(doc: CorpusDocument, addedBy: string): Promise<CorpusEntry> {
    const entry = await this.store.put(doc, addedBy);
    await this.reload();
    this.log.info('corpus document added', { id: doc.id, symbol: doc.symbol, paragraphs: doc.paragraphs.length, by: addedBy });
    return entry;
  }

  async remove(id: string): Promise<boolean> {
    const removed = await this.store.remove(id);
    if (removed) await this.reload();
    return removed;
  }

  citationCorpus(): CitationCorpus {
    return citationCorpusOf(buildActRegistry(this.entries, { adoptedOnly: true }));
  }

  private async reload(): Promise<void> {
    const revision = await this.store.revision();
    const started = performance.now();
    this.entries = await this.store.list();
    this.index = LanguageIndex.build(this.entries);
    this.acts = buildActRegistry(this.entries);
    this.revision = revision;
    this.checkedAt = Date.now();
    this.onCitationCorpus?.(this.citationCorpus());
    this.log.debug('corpus loaded', { documents: this.entries.length, paragraphs: this.index.paragraphCount, ms: (performance.now() - started).toFixed(1) });
  }
}
