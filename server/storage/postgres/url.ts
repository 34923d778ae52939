/** DATABASE_URL handling that needs no driver (the embedded mode imports it too). */

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url);

/** The database a URL points at, without the password (for logs and CLI output). */
export function describeDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'DATABASE_URL (unparsable)';
  }
}
