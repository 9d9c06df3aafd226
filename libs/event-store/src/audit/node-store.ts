import type { Queryable } from '../transactions/unit-of-work';
import { nodesRead, type NodeReader } from '../merkle/proofs';

/** Reads the perfect subtrees `compute` needs (leaves from audit_leaf, the rest from audit_node), then runs it. */
export async function withStoredNodes<T>(db: Queryable, compute: (node: NodeReader) => T): Promise<T> {
  const wanted = nodesRead(compute);
  const leaves = wanted.filter(([level]) => level === 0).map(([, index]) => index);
  const inner = wanted.filter(([level]) => level > 0);
  const found = new Map<string, Buffer>();
  if (leaves.length) {
    const { rows } = await db.query<{ log_index: string; leaf_hash: Buffer }>(
      'SELECT log_index, leaf_hash FROM event_store.audit_leaf WHERE log_index = ANY($1::bigint[])',
      [leaves],
    );
    for (const row of rows) found.set(`0:${row.log_index}`, row.leaf_hash);
  }
  if (inner.length) {
    const { rows } = await db.query<{ level: number; idx: string; hash: Buffer }>(
      `SELECT n.level, n.idx, n.hash FROM event_store.audit_node AS n
       JOIN unnest($1::smallint[], $2::bigint[]) AS w(level, idx) ON (n.level, n.idx) = (w.level, w.idx)`,
      [inner.map(([level]) => level), inner.map(([, index]) => index)],
    );
    for (const row of rows) found.set(`${row.level}:${row.idx}`, row.hash);
  }
  return compute((level, index) => {
    const hash = found.get(`${level}:${index}`);
    if (!hash) throw new Error(`audit log node ${level}:${index} is missing`);
    return hash;
  });
}
