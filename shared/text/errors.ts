/** A text that cannot be imported, with a message a delegate understands. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line ? `line ${line}: ${message}` : message);
    this.name = 'ImportError';
  }
}
