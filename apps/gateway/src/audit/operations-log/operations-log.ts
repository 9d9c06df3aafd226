import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import { type Actor, toContractActor } from '@govflow/auth';
import { EventStore, migrate } from '@govflow/event-store';
import { PG_POOL } from '@govflow/platform';

export interface OperationEntry {
  eventId: string;
  action: string;
  target: string | null;
  outcome: Record<string, unknown> | null;
  actor: { id: string; username: string; role: string };
  reason: string | null;
  at: string;
}

interface Row {
  event_id: string;
  data: { action: string; target?: string; outcome?: Record<string, unknown>; username: string };
  metadata: { actor: { id: string; role: string }; reason?: string };
  occurred_at: Date;
}

/**
 * What administrators did (verify, list a case's archived workflows), as events in the gateway's own event
 * store: one stream per day, `AdministratorActed` v1, with the actor and their reason. The gateway's audit log
 * signs them like any service's events (AuditLogModule), so the operations log is tamper-evident too.
 */
@Injectable()
export class OperationsLog implements OnModuleInit {
  private readonly store: EventStore;

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {
    this.store = new EventStore(pool);
  }

  onModuleInit(): Promise<void> {
    return migrate(this.pool);
  }

  async record(
    actor: Actor,
    action: string,
    details: { target?: string; reason?: string; outcome?: Record<string, unknown> } = {},
  ): Promise<void> {
    const now = new Date();
    await this.store.append(`operations-${now.toISOString().slice(0, 10)}`, 'any', [
      {
        type: 'AdministratorActed',
        schemaVersion: 1,
        occurredAt: now,
        data: { action, target: details.target, outcome: details.outcome, username: actor.username },
        metadata: {
          actor: toContractActor(actor),
          reason: details.reason,
          correlationId: randomUUID(),
          causationId: randomUUID(),
        },
      },
    ]);
  }

  async latest(limit = 100): Promise<OperationEntry[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT event_id, data, metadata, occurred_at FROM event_store.events
       WHERE stream_id LIKE 'operations-%' AND type = 'AdministratorActed' ORDER BY position DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      eventId: r.event_id,
      action: r.data.action,
      target: r.data.target ?? null,
      outcome: r.data.outcome ?? null,
      actor: { id: r.metadata.actor.id, username: r.data.username, role: r.metadata.actor.role },
      reason: r.metadata.reason ?? null,
      at: r.occurred_at.toISOString(),
    }));
  }
}
