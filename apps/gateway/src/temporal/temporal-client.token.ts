/** The Temporal Client (from @temporalio/client), in the configured namespace. */
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
