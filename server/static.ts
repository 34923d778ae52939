/** Serves the built client (dist/client) with a fallback to index.html for app routes. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export function serveClient(clientDir: string) {
  const root = path.resolve(clientDir);
  const index = path.join(root, 'index.html');
  return (c: Context) => {
    if (!existsSync(index)) {
      return c.html('<h1>Penholder</h1><p>The client is not built. Run <code>npm run build</code>, then reload.</p>', 503);
    }
    const requested = path.resolve(root, '.' + decodeURIComponent(new URL(c.req.url).pathname));
    const inside = requested.startsWith(root + path.sep);
    if (inside && existsSync(requested) && statSync(requested).isFile()) {
      const type = TYPES[path.extname(requested)] ?? 'application/octet-stream';
      const immutable = requested.includes(`${path.sep}assets${path.sep}`);
      return c.body(readFileSync(requested), 200, {
        'Content-Type': type,
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
    return c.body(readFileSync(index), 200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-cache' });
  };
}
