import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { latestCheckpoint, laterCheckpointFor, receiptFor, verifierKey, verifyLog } from '@govflow/event-store';
import { PG_POOL } from '../tokens';
import { AuditLogPublisher } from './audit-log.publisher';

/** An answer as the internal /audit routes give it, so a caller in the same process reads it the same way. */
export interface AuditLogAnswer {
  status: number;
  body: unknown;
}

/**
 * What a service's audit log answers: the internal /audit routes serve it over HTTP, and the gateway asks its own
 * log in-process (its port is public, so it serves no internal routes).
 */
@Injectable()
export class AuditLogService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly log: AuditLogPublisher,
  ) {}

  publicKey(): AuditLogAnswer {
    const { origin, signer, previousVerifierKeys } = this.log.settings;
    return { status: 200, body: { origin, verifierKey: verifierKey(signer), previousVerifierKeys } };
  }

  async latest(): Promise<AuditLogAnswer> {
    const checkpoint = await latestCheckpoint(this.pool);
    if (!checkpoint) return { status: 404, body: { detail: 'no checkpoint signed yet' } };
    const { size, note, signedAt } = checkpoint;
    return { status: 200, body: { origin: this.log.settings.origin, size, note, signedAt } };
  }

  /** `outsideNotes`: checkpoints the caller kept elsewhere; a truncated log shows only against them. */
  async verify(outsideNotes: readonly string[]): Promise<AuditLogAnswer> {
    const { origin, signer, previousVerifierKeys } = this.log.settings;
    const verifierKeys = [verifierKey(signer), ...previousVerifierKeys];
    return { status: 200, body: await verifyLog(this.pool, { origin, verifierKeys, outsideNotes: [...outsideNotes] }) };
  }

  async receipt(eventId: string): Promise<AuditLogAnswer> {
    const answer = await receiptFor(this.pool, this.log.settings.origin, eventId);
    if (answer.status === 'unknown') return { status: 404, body: { detail: `no event ${eventId} in this service` } };
    if (answer.status === 'pending') {
      const detail = 'no signed checkpoint covers this event yet; ask again in a few seconds';
      return { status: 202, body: { status: 'pending', detail } };
    }
    return { status: 200, body: answer.receipt };
  }

  /**
   * The latest checkpoint and the consistency proof to it from a tree of `fromSize` leaves: what a receipt holder
   * needs to show their event was not removed since. A latest tree smaller than theirs is itself evidence.
   */
  async consistency(fromSize: number): Promise<AuditLogAnswer> {
    const latest = await latestCheckpoint(this.pool);
    if (latest && latest.size < fromSize) {
      const detail = `the latest signed checkpoint has ${latest.size} leaves, fewer than ${fromSize}: the log is shorter than a tree it signed`;
      return { status: 409, body: { detail } };
    }
    const later = await laterCheckpointFor(this.pool, fromSize);
    if (!later) return { status: 404, body: { detail: `no checkpoint larger than ${fromSize} leaves yet` } };
    return { status: 200, body: { origin: this.log.settings.origin, fromSize, ...later } };
  }
}
