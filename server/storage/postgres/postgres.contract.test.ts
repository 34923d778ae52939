/**
 * The storage contract on PostgreSQL: a fresh database for this file
 * (test/support/postgres.ts), dropped afterwards. Fails, never skips, when
 * PostgreSQL is not running (scripts/ensure-services.sh starts it).
 */
import { afterAll, beforeAll } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../../../test/support/postgres';
import { openStores } from '../index';
import { describeStoreContract } from '../store-contract';

let db: FreshDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
// Registered before the suite's own afterAll (which closes the pools): vitest runs afterAll hooks in reverse.
afterAll(async () => {
  await db?.drop();
});

describeStoreContract('PostgreSQL', { open: () => openStores({ dataDir: '/nonexistent-unused', databaseUrl: db.url }) });
