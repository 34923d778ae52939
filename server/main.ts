/** Entry point: configuration from the environment, clean shutdown on signals. */
import path from 'node:path';
import { DEFAULT_MAX_MESSAGE_BYTES, startServer } from './app';
import { adminTokenFromEnv, signInLink } from './auth/admin';
import { LIMIT_ENV, type LimitOptions } from './limits/config';
import { createLogger } from './log';
import { describeStorage } from './storage/index';

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

/** The abuse limits that are set in the environment (the others keep their defaults). */
function limitsFromEnv(): Partial<LimitOptions> {
  const limits: Partial<LimitOptions> = {};
  for (const [key, name] of Object.entries(LIMIT_ENV) as [keyof LimitOptions, string][]) {
    if (!process.env[name]) continue;
    limits[key] = intFromEnv(name, 1);
    if (limits[key] === 0) {
      log.error(`${name} must be at least 1`, { value: process.env[name] });
      process.exit(2);
    }
  }
  return limits;
}

const admin = adminTokenFromEnv();
const server = await startServer({
  adminToken: admin.token,
  port: intFromEnv('PORT', 8080),
  host: process.env.HOST || '127.0.0.1',
  dataDir: path.resolve(process.env.DATA_DIR || './data'),
  databaseUrl: process.env.DATABASE_URL || undefined,
  maxMessageBytes: intFromEnv('MAX_MESSAGE_BYTES', DEFAULT_MAX_MESSAGE_BYTES),
  logger: log,
  limits: limitsFromEnv(),
  metricsToken: process.env.METRICS_TOKEN || undefined,
  redisUrl: process.env.REDIS_URL || undefined,
  redisPrefix: process.env.REDIS_PREFIX || undefined,
  nodeId: process.env.NODE_ID || undefined,
}).catch((err: Error) => {
  // E.g. DATABASE_URL unreachable or the port taken: say so in one line rather than a stack trace.
  log.error('could not start', { error: err.message });
  process.exit(1);
});
log.info(`Penholder is running at ${server.url}`, {
  storage: describeStorage({ dataDir: path.resolve(process.env.DATA_DIR || './data'), databaseUrl: process.env.DATABASE_URL || undefined }),
});
if (admin.generated) {
  // Printed once, on stdout rather than in the log: it is a secret. Set PENHOLDER_ADMIN_TOKEN to keep one across restarts.
  process.stdout.write(`\nAdministrator sign-in (valid until the server stops): ${signInLink(server.url, admin.token)}\n\n`);
}

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
