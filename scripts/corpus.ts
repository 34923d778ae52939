/**
 * npm run corpus -- list
 * npm run corpus -- import <files…> --kind resolution --date 2020-10-16 [--symbol "resolution 10/2"] [--body …] [--title …]
 * npm run corpus -- remove <id>
 *
 * Manages the corpus of prior documents in the same storage the server uses:
 * PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR (default
 * ./data); a running server (every node) picks changes up within seconds.
 * Files are plain text (the seeds' form). One file = one document.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError } from '../shared/text/parse';
import { corpusDocumentFromText, isIsoDate } from '../server/corpus/import';
import { CorpusService } from '../server/corpus/service';
import { CORPUS_KINDS, isCorpusKind } from '../server/language/corpus';
import { createLogger } from '../server/log';
import { describeStorage, openStores, type StorageOptions } from '../server/storage/index';

const USAGE = `usage:
  npm run corpus -- list
  npm run corpus -- import <files…> --kind <${CORPUS_KINDS.join('|')}> --date YYYY-MM-DD [--symbol S] [--body B] [--title T]
  npm run corpus -- remove <id>`;

export async function corpusCli(argv: string[], storage: StorageOptions, out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { kind: { type: 'string' }, date: { type: 'string' }, symbol: { type: 'string' }, body: { type: 'string' }, title: { type: 'string' } },
  });
  const [command, ...rest] = positionals;
  const stores = await openStores(storage);
  const service = new CorpusService(stores.corpus, createLogger('warn', () => {}));
  try {
    await service.start();
    if (command === 'list') {
      const docs = await service.list();
      out(`${docs.length} documents in the corpus (${describeStorage(storage)})`);
      for (const d of docs) out(`${d.id.padEnd(16)} ${d.date}  ${d.kind.padEnd(15)} ${String(d.paragraphs.length).padStart(4)} paragraphs  ${d.symbol || d.title}`);
      return 0;
    }
    if (command === 'import') {
      if (!rest.length) throw new UsageError('import: give at least one file');
      if (!isCorpusKind(values.kind)) throw new UsageError(`--kind must be one of ${CORPUS_KINDS.join(', ')}`);
      if (!isIsoDate(values.date)) throw new UsageError('--date must be the date the document was adopted or issued, YYYY-MM-DD');
      let failed = 0;
      for (const file of rest) {
        try {
          const doc = corpusDocumentFromText(readFileSync(file, 'utf8'), { kind: values.kind, date: values.date, symbol: values.symbol ?? path.basename(file), body: values.body, title: values.title });
          if (!doc.paragraphs.length) throw new ImportError('no paragraphs found');
          await service.add(doc, 'cli');
          out(`imported ${file} as ${doc.id}: ${doc.paragraphs.length} paragraphs (${doc.paragraphs[0].label} … ${doc.paragraphs.at(-1)!.label})`);
        } catch (err) {
          failed++;
          out(`could not import ${file}: ${(err as Error).message}`);
        }
      }
      return failed ? 1 : 0;
    }
    if (command === 'remove') {
      if (rest.length !== 1) throw new UsageError('remove: give one id (see list)');
      const removed = await service.remove(rest[0]);
      out(removed ? `removed ${rest[0]}` : `no corpus document ${rest[0]}`);
      return removed ? 0 : 1;
    }
    throw new UsageError(command ? `unknown command "${command}"` : 'give a command');
  } catch (err) {
    if (err instanceof UsageError) {
      out(`${err.message}\n${USAGE}`);
      return 2;
    }
    throw err;
  } finally {
    await stores.close();
  }
}

class UsageError extends Error {}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const storage = { dataDir: path.resolve(process.env.DATA_DIR || './data'), databaseUrl: process.env.DATABASE_URL || undefined };
  const code = await corpusCli(process.argv.slice(2), storage, (line) => console.log(line));
  process.exit(code);
}
