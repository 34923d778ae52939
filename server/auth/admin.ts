/** The administrator's token: PENHOLDER_ADMIN_TOKEN, or a new one printed once at start. */
import { newToken } from './tokens';

export function adminTokenFromEnv(env: NodeJS.ProcessEnv = process.env): { token: string; generated: boolean } {
  const configured = env.PENHOLDER_ADMIN_TOKEN?.trim();
  if (configured) return { token: configured, generated: false };
  return { token: newToken('adm'), generated: true };
}

/** The link that signs the administrator's browser in (the client redeems it like an invitation). */
export const signInLink = (baseUrl: string, token: string) => `${baseUrl}/join/${encodeURIComponent(token)}`;
