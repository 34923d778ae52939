/** The storage contract on the embedded backend: SQLite files in a temporary DATA_DIR. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStores } from './index';
import { describeStoreContract } from './store-contract';

const dataDir = mkdtempSync(join(tmpdir(), 'penholder-contract-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describeStoreContract('SQLite', { open: () => openStores({ dataDir }) });
