/** Entry point: configuration from the environment, clean shutdown on signals. */
import path from 'node:path';
import { DEFAULT_MAX_MESSAGE_BYTES, startServer } from './app';
import { createLogger } from './log';

const log = createLogger((process.env.LOG_LEVEL as 'info') ?? 'info');

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    log.error(`${name} must be a non-negative integer`, { value: raw });
    process.exit(2);
  }
  return value;
}

const server = await startServer({
  port: intFromEnv('PORT', 8080),
  host: process.env.HOST || '127.0.0.1',
  dataDir: path.resolve(process.env.DATA_DIR || './data'),
  maxMessageBytes: intFromEnv('MAX_MESSAGE_BYTES', DEFAULT_MAX_MESSAGE_BYTES),
  logger: log,
});
log.info(`Penholder is running at ${server.url}`, { dataDir: path.resolve(process.env.DATA_DIR || './data') });

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received: flushing documents`);
    server.close().then(
      () => process.exit(0),
      (err) => {
        log.error('shutdown failed', { error: (err as Error).message });
        process.exit(1);
      },
    );
  });
}
