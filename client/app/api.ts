/** The typed API client (hono/client) over the server's route types. */
import { hc } from 'hono/client';
import type { PenholderApi } from '../../server/api/app';

export const api = hc<PenholderApi>('/api');

/** Reads a JSON error body ({"error": "…"}) into an Error with that message. */
export async function failure(res: Response): Promise<Error> {
  try {
    const body = (await res.json()) as { error?: string };
    return new Error(body.error ?? `${res.status} ${res.statusText}`);
  } catch {
    return new Error(`${res.status} ${res.statusText}`);
  }
}
