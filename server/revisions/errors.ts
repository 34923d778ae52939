import type { Diagnostic } from '../../shared/validation/types';

/** Why a revisions request cannot be done: the status and message for the API (and the errors of a refusal). */
export class RevisionError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
    readonly diagnostics?: Diagnostic[],
  ) {
    super(message);
  }
}
