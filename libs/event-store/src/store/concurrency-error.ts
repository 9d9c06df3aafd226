import type { ExpectedVersion } from './event-types';

/** The stream moved on since the caller read it; nothing was written. Reload and retry the command. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';

  constructor(
    readonly streamId: string,
    readonly expectedVersion: ExpectedVersion,
    readonly actualVersion: number | undefined,
    detail = '',
  ) {
    const actual = actualVersion === undefined ? 'a newer version' : `version ${actualVersion}`;
    super(`Stream ${streamId} is at ${actual}, expected ${String(expectedVersion)}${detail ? `: ${detail}` : ''}`);
  }
}
