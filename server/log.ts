/** A tiny structured logger: one line per event, key=value pairs. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const ORDER: LogLevel[] = ['debug', 'info', 'warn', 'error'];

export function createLogger(minimum: LogLevel = 'info', write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const log = (level: LogLevel) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (ORDER.indexOf(level) < ORDER.indexOf(minimum)) return;
    const pairs = Object.entries(fields)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? JSON.stringify(v) : String(v)}`)
      .join(' ');
    write(`${new Date().toISOString()} ${level.toUpperCase()} ${msg}${pairs ? ' ' + pairs : ''}`);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** For tests that want silence, but still see errors. */
export const quietLogger = (): Logger => createLogger('error');
