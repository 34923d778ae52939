import { Hono } from 'hono';
import type { DocumentRegistry } from '../collab/registry';

export const healthRoutes = (registry: DocumentRegistry) =>
  new Hono().get('/', (c) => c.json({ status: 'ok', openDocuments: registry.openCount, uptimeSeconds: Math.round(process.uptime()) }));
