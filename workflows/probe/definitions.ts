import type { Duration } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

// Clients import these to talk to the probe without loading the worker.
export const noteSignal = defineSignal<[note: string]>('note');
export const confirmUpdate = defineUpdate<string, [confirmer: string]>('confirm');
export const notesQuery = defineQuery<readonly string[]>('notes');

export interface ProbeInput {
  expectedNotes: number;
  /** How long to wait for the confirmation, e.g. '7 days' or milliseconds; the caller decides. */
  expireAfter: Duration;
}

export type ProbeResult =
  { outcome: 'confirmed'; notes: string[]; confirmedBy: string } | { outcome: 'expired'; notes: string[] };
