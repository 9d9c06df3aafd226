import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@govflow/messaging';
import type { NewEvent } from '@govflow/event-store';

export const officer = { id: 'officer-7', role: 'registration-officer', department: 'market-regulation' };

export function metadataFor(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return { actor: officer, correlationId: randomUUID(), causationId: randomUUID(), ...overrides };
}

export function newEvent(type: string, data: Record<string, unknown> = {}, metadata = metadataFor()): NewEvent {
  return { type, data, metadata };
}

/** Resolves once `condition` holds, polling; rejects after `timeoutMs` with `what` in the message. */
export async function eventually(what: string, condition: () => Promise<boolean>, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
