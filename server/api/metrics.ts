/**
 * GET /api/metrics — Prometheus text format. Public like /api/health (a
 * scraper on the private network), unless METRICS_TOKEN is set: then it
 * needs `Authorization: Bearer <METRICS_TOKEN>`. Session tokens do not open
 * it: the figures are about the server, not about any document.
 */
import { Hono } from 'hono';
import { sameHash, hashToken } from '../auth/tokens';
import type { ServerMetrics } from '../metrics/metrics';

export const metricsRoutes = (metrics: ServerMetrics, token: string | undefined) => {
  const expected = token ? hashToken(token) : null;
  return new Hono().get('/', async (c) => {
    if (expected) {
      const given = /^Bearer (.+)$/.exec(c.req.header('Authorization') ?? '')?.[1];
      if (!given) return c.json({ error: 'The metrics need the metrics token: Authorization: Bearer <METRICS_TOKEN>' }, 401);
      if (!sameHash(hashToken(given), expected)) return c.json({ error: 'The metrics token is not valid' }, 401);
    }
    return c.body(await metrics.text(), 200, { 'Content-Type': metrics.contentType });
  });
};
