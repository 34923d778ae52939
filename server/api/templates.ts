import { Hono } from 'hono';
import type { Template } from '../../shared/text/templates';

export const templateRoutes = (templates: Map<string, Template>) =>
  new Hono().get('/', (c) =>
    c.json({
      templates: [...templates.values()].map((t) => ({
        id: t.id,
        name: t.name,
        body: t.body,
        description: t.description,
        authority: t.resolution.authority,
      })),
    }),
  );
