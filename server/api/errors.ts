import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every API error is JSON: {"error": "<what is wrong>"}. */
export function apiError(status: ContentfulStatusCode, message: string, headers?: Record<string, string>): HTTPException {
  return new HTTPException(status, { res: Response.json({ error: message }, { status, headers }) });
}
