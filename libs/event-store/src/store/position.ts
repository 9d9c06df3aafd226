/**
 * Why positions are derived from transaction ids rather than taken from a sequence:
 * readers only read below the oldest running transaction (`transaction_id < pg_snapshot_xmin(...)`), so every
 * transaction they have not yet seen has a larger transaction id than any they have. With a sequence, a
 * transaction holding an older id can still take a *smaller* number than one already read, and be skipped.
 * Making the position `transaction id << POSITION_SHIFT | n` orders positions exactly as transaction ids,
 * so "below the horizon, after my checkpoint, by position" never skips and never goes backwards, without
 * serialising writers (PostgreSQL can still group their commits).
 */
export const POSITION_SHIFT = 20;

/** At most this many events per transaction; the CHECK constraint on events enforces it. */
export const MAX_EVENTS_PER_TRANSACTION = 2 ** POSITION_SHIFT;

/** The start of the global order; read "all" from here. */
export const START_POSITION = 0n;
