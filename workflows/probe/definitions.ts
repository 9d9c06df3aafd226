import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

// Clients import these to talk to the probe without loading the worker.
export const noteSignal = defineSignal<[note: string]>('note');
export const confirmUpdate = defineUpdate<string, [confirmer: string]>('confirm');
export const notesQuery = defineQuery<readonly string[]>('notes');

export interface ProbeInput {
  expectedNotes: number;
}
export interface ProbeResult {
  notes: string[];
  confirmedBy: string;
}
