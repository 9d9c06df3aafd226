import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import { CompactRange, type CompletedNode } from '../merkle/compact-range';
import { consistencyProof, rangeHash } from '../merkle/proofs';
import { verifyConsistency } from '../merkle/verify-proofs';
import { Pause } from '../shared/pause';
import { readAllRows, toStoredEvent } from '../store/read-events';
import { inTransaction, type Queryable } from '../transactions/unit-of-work';
import { auditLeafHash, leavesFor, type AuditLeaf } from './audit-leaf';
import { insertCheckpoint, latestCheckpoint, type StoredCheckpoint } from './checkpoint-store';
import { openCheckpoint, signCheckpoint, verifierKey, type NoteSigner } from './checkpoint-note';
import { recomputeLeaf } from './recompute-leaf';
import { insertLeaves, insertNodes, leavesWithRows, logHead } from './leaf-store';
import { withStoredNodes } from './node-store';

export interface SignedCheckpoint {
  origin: string;
  size: number;
  note: string;
}

export interface AuditIntegratorOptions {
  /** The log's name in its checkpoints, e.g. govflow.local/registration. */
  origin: string;
  signer: NoteSigner;
  checkpointEveryMs?: number;
  checkpointEveryLeaves?: number;
  batchSize?: number;
  idlePollMs?: number;
  /**
   * Publishes a checkpoint outside the database (Kafka); called after it committed, in size order. Answering
   * false (not connected yet) leaves it for the next tick.
   */
  publish?: (checkpoint: SignedCheckpoint) => Promise<boolean>;
  publishChannel?: string;
}

const LOCK = 'event_store.audit_integrator';

/**
 * Gives the service's committed events dense leaf indices in the global order (never the position itself: it has
 * gaps), maintains the Merkle tree, and signs a checkpoint every few seconds or every N leaves, after re-reading
 * the rows it covers and proving it consistent with the previous one. Appends never wait for it; replicas take
 * turns under a transaction-level advisory lock.
 */
export class AuditIntegrator {
  private readonly logger = new Logger(AuditIntegrator.name);
  private readonly sleeper = new Pause();
  private readonly vkey: string;
  private running = false;
  private loop?: Promise<void>;

  constructor(
    private readonly pool: Pool,
    private readonly options: AuditIntegratorOptions,
  ) {
    this.vkey = verifierKey(options.signer);
  }

  get verifierKey(): string {
    return this.vkey;
  }

  /** Integrates everything committed so far and signs a checkpoint over it; answers the checkpoint's size. */
  async catchUp(): Promise<number> {
    while ((await this.tick(false)).leaves > 0);
    await this.tick(true);
    await this.publishPending();
    return (await latestCheckpoint(this.pool))?.size ?? 0;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.sleeper.interrupt();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let leaves = 0;
      try {
        leaves = (await this.tick(false)).leaves;
        await this.publishPending();
      } catch (error) {
        this.logger.error(`audit log tick failed, retrying: ${String(error)}`);
      }
      if (leaves === 0 && this.running) await this.sleeper.for(this.options.idlePollMs ?? 250);
    }
  }

  /** One batch in one transaction: leaves, nodes and (when due) a signed checkpoint commit together. */
  async tick(forceCheckpoint: boolean): Promise<{ leaves: number; checkpoint?: number }> {
    return inTransaction(this.pool, async (db) => {
      const { rows } = await db.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [
        LOCK,
      ]);
      if (!rows[0]?.locked) return { leaves: 0 };
      const head = await logHead(db);
      // Read before writing anything: this transaction's own id would otherwise hold back the read horizon.
      const events = (await readAllRows(db, head.lastPosition, this.options.batchSize ?? 5000)).map(toStoredEvent);
      const range = await withStoredNodes(db, (node) => CompactRange.of(head.size, node));
      const leaves: { leaf: AuditLeaf; hash: Buffer }[] = [];
      const nodes: CompletedNode[] = [];
      for (const event of events) {
        for (const leaf of leavesFor(range.treeSize, event)) {
          const hash = auditLeafHash(leaf);
          leaves.push({ leaf, hash });
          nodes.push(...range.append(hash));
        }
      }
      await insertLeaves(db, leaves);
      await insertNodes(db, nodes);
      const last = await latestCheckpoint(db);
      const since = range.treeSize - (last?.size ?? 0);
      const due =
        since > 0 &&
        (forceCheckpoint ||
          !last ||
          since >= (this.options.checkpointEveryLeaves ?? 1000) ||
          Date.now() - last.signedAt.getTime() >= (this.options.checkpointEveryMs ?? 5000));
      if (!due) return { leaves: leaves.length };
      await this.sign(db, last, range.treeSize, range.root());
      return { leaves: leaves.length, checkpoint: range.treeSize };
    });
  }

  private async sign(db: Queryable, last: StoredCheckpoint | undefined, size: number, root: Buffer): Promise<void> {
    const from = last?.size ?? 0;
    // Yeti 2022: sign only what the rows say now, not what memory says they said.
    for (const leaf of await leavesWithRows(db, from, size)) {
      const recomputed = leaf.row && recomputeLeaf(leaf, leaf.row);
      if (!recomputed?.equals(leaf.leaf_hash)) {
        throw new Error(`audit leaf ${leaf.log_index} does not match its event as re-read; not signing`);
      }
    }
    const stored = await withStoredNodes(db, (node) => rangeHash(0, size, node));
    if (!stored.equals(root)) throw new Error(`stored tree of ${size} leaves does not have the computed root`);
    if (last) {
      openCheckpoint(last.note, this.vkey, this.options.origin);
      const proof = await withStoredNodes(db, (node) => consistencyProof(last.size, size, node));
      verifyConsistency(last.size, size, proof, last.root, root);
    }
    const note = signCheckpoint({ origin: this.options.origin, size, root }, this.options.signer);
    await insertCheckpoint(db, { size, root, note, keyId: this.vkey });
  }

  private async publishPending(): Promise<void> {
    const { publish } = this.options;
    if (!publish) return;
    const channel = this.options.publishChannel ?? 'kafka';
    const { rows } = await this.pool.query<{ tree_size: string; note: string }>(
      `SELECT c.tree_size, c.note FROM event_store.audit_checkpoint AS c
       WHERE NOT EXISTS (SELECT FROM event_store.audit_publication AS p
                         WHERE p.tree_size = c.tree_size AND p.channel = $1)
       ORDER BY c.tree_size LIMIT 100`,
      [channel],
    );
    for (const row of rows) {
      if (!(await publish({ origin: this.options.origin, size: Number(row.tree_size), note: row.note }))) return;
      await this.pool.query(
        'INSERT INTO event_store.audit_publication (tree_size, channel) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [row.tree_size, channel],
      );
    }
  }
}
