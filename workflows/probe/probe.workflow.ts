import { condition, setHandler } from '@temporalio/workflow';
import { confirmUpdate, noteSignal, notesQuery, type ProbeInput, type ProbeResult } from './definitions';

/**
 * Proves the platform's Temporal path end to end (worker, signal, validated update, query, durable timer)
 * without touching any department's state; smoke tests and operators run it against a live cluster.
 */
export async function probeWorkflow(input: ProbeInput): Promise<ProbeResult> {
  const notes: string[] = [];
  let confirmedBy: string | undefined;

  setHandler(noteSignal, (note) => void notes.push(note));
  setHandler(notesQuery, () => notes);
  setHandler(
    confirmUpdate,
    (confirmer) => {
      confirmedBy = confirmer;
      return `confirmed by ${confirmer} after ${notes.length} note(s)`;
    },
    {
      validator: (confirmer: string) => {
        if (!confirmer.trim()) throw new Error('confirmer is required');
      },
    },
  );

  const confirmed = await condition(
    () => confirmedBy !== undefined && notes.length >= input.expectedNotes,
    input.expireAfter,
  );
  return confirmed ? { outcome: 'confirmed', notes, confirmedBy: confirmedBy! } : { outcome: 'expired', notes };
}
