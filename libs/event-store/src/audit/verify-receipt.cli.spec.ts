import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CompactRange } from '../merkle/compact-range';
import { consistencyProof, inclusionProof, type NodeReader } from '../merkle/proofs';
import { auditLeafHash, eventLeaf, type EventLeaf } from './audit-leaf';
import { generateSigningKey, signCheckpoint, verifierKey } from './checkpoint-note';
import { formatTlogProof, type AuditReceipt } from './receipt';
import { runVerifyReceipt } from './verify-receipt.cli';

const origin = 'govflow.test/registration';
const signer = { name: origin, privateKey: generateSigningKey() };

/** A log of `size` event leaves kept in memory, signed like the integrator signs. */
function log(size: number) {
  const nodes = new Map<string, Buffer>();
  const leaves: EventLeaf[] = [];
  const range = CompactRange.empty();
  for (let i = 0; i < size; i++) {
    const leaf = eventLeaf(i, {
      position: BigInt(i + 1) << 20n,
      eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      streamId: `case-${i % 3}`,
      version: Math.floor(i / 3) + 1,
      type: 'ApplicationSubmitted',
      occurredAt: new Date(Date.UTC(2026, 10, 29, 9, i)),
      data: { fee: '100.00', i },
      metadata: { actor: { id: 'registrant1' } },
      hash: 'ab'.repeat(32),
    });
    leaves.push(leaf);
    nodes.set(`0:${i}`, auditLeafHash(leaf));
    for (const n of range.append(auditLeafHash(leaf))) nodes.set(`${n.level}:${n.index}`, n.hash);
  }
  const node: NodeReader = (level, index) => nodes.get(`${level}:${index}`)!;
  const checkpoint = signCheckpoint({ origin, size, root: range.root() }, signer);
  return { leaves, node, checkpoint, root: range.root() };
}

function receipt(index: number, size: number): AuditReceipt {
  const { leaves, node, checkpoint } = log(size);
  const leaf = leaves[index]!;
  return {
    format: 'govflow.audit-receipt/v1',
    origin,
    leaf,
    proof: formatTlogProof(leaf, index, inclusionProof(index, size, node), checkpoint),
  };
}

describe('verify-receipt', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'receipt-'));
  const keyFile = path.join(dir, 'registration.vkey');
  writeFileSync(keyFile, `${verifierKey(signer)}\n`);
  const check = (r: unknown, key = keyFile) => {
    const file = path.join(dir, `r-${Math.random()}.json`);
    writeFileSync(file, JSON.stringify(r));
    const lines: string[] = [];
    const code = runVerifyReceipt([file, '--public-key', key], (line) => lines.push(line));
    return { code, output: lines.join('\n') };
  };

  it.each([
    [0, 1],
    [4, 13],
    [12, 13],
  ])('accepts leaf %i of a tree of %i', (index, size) => {
    expect(check(receipt(index, size))).toEqual({ code: 0, output: expect.stringMatching(/^OK: event .* is leaf/) });
  });

  it('accepts a later checkpoint with its consistency proof, and refuses a forked one', () => {
    const later = log(20);
    const good = {
      ...receipt(4, 13),
      later: {
        checkpoint: later.checkpoint,
        consistency: consistencyProof(13, 20, later.node).map((h) => h.toString('base64')),
      },
    };
    expect(check(good)).toMatchObject({ code: 0, output: expect.stringMatching(/still in its tree of 20/) });
    const forked = { ...good, later: { ...good.later, consistency: [...good.later.consistency].reverse() } };
    expect(check(forked)).toEqual({ code: 1, output: expect.stringMatching(/^FAILED: consistency/) });
  });

  it('takes the later checkpoint from --later (the consistency-proofs answer), and refuses one not consistent', () => {
    const later = log(21);
    const answer = (consistency: Buffer[]) => ({
      service: 'registration',
      origin,
      fromSize: 13,
      checkpoint: later.checkpoint,
      consistency: consistency.map((h) => h.toString('base64')),
    });
    const run = (proof: unknown) => {
      const receiptFile = path.join(dir, `later-r-${Math.random()}.json`);
      const laterFile = path.join(dir, `later-${Math.random()}.json`);
      writeFileSync(receiptFile, JSON.stringify(receipt(4, 13)));
      writeFileSync(laterFile, JSON.stringify(proof));
      const lines: string[] = [];
      const code = runVerifyReceipt(['--later', laterFile, receiptFile, '--public-key', keyFile], (l) => lines.push(l));
      return { code, output: lines.join('\n') };
    };
    const proof = consistencyProof(13, 21, later.node);
    expect(run(answer(proof))).toMatchObject({ code: 0, output: expect.stringMatching(/still in its tree of 21/) });
    expect(run(answer(proof.slice(1)))).toEqual({ code: 1, output: expect.stringMatching(/^FAILED: consistency/) });
    expect(runVerifyReceipt(['x.json', '--public-key', keyFile, '--later'], () => undefined)).toBe(2);
  });

  const good = receipt(5, 13);
  const lines = good.proof.split('\n');
  it.each([
    ['the event data', { ...good, leaf: { ...good.leaf, data_hash: '00'.repeat(32) } }, /^FAILED: leaf/],
    [
      'the leaf in the proof and the receipt alike',
      {
        ...good,
        leaf: { ...good.leaf, event_type: 'X' },
        proof: good.proof.replace(
          /^extra .*$/m,
          'extra ' + Buffer.from(JSON.stringify({ ...good.leaf, event_type: 'X' })).toString('base64'),
        ),
      },
      /^FAILED: (leaf|inclusion)/,
    ],
    [
      'the index',
      { ...good, proof: good.proof.replace('index 5', 'index 4'), leaf: { ...good.leaf, log_index: 4 } },
      /^FAILED: (leaf|inclusion)/,
    ],
    [
      'a proof hash',
      { ...good, proof: good.proof.replace(lines[3]!, Buffer.alloc(32, 7).toString('base64')) },
      /^FAILED: inclusion/,
    ],
    ['a missing proof hash', { ...good, proof: good.proof.replace(`${lines[3]}\n`, '') }, /^FAILED: inclusion/],
    [
      'the checkpoint size',
      { ...good, proof: good.proof.replace('\n13\n', '\n14\n') },
      /^FAILED: checkpoint: signature/,
    ],
    ['the origin', { ...good, origin: 'govflow.test/tax' }, /^FAILED: checkpoint/],
    ['the format', { ...good, format: 'other' }, /^FAILED: format/],
  ])('refuses a receipt with %s altered, naming what failed', (_what, altered, reason) => {
    expect(check(altered)).toEqual({ code: 1, output: expect.stringMatching(reason) });
  });

  it('refuses a good receipt against another key', () => {
    const other = path.join(dir, 'other.vkey');
    writeFileSync(other, verifierKey({ name: origin, privateKey: generateSigningKey() }));
    expect(check(good, other)).toEqual({ code: 1, output: expect.stringMatching(/^FAILED: checkpoint/) });
  });

  it('runs as npm run verify-receipt, exiting 0 for a good receipt and 1 for an altered one', () => {
    const file = path.join(dir, 'good.json');
    writeFileSync(file, JSON.stringify(good));
    const run = (f: string) =>
      spawnSync('npm', ['run', '--silent', 'verify-receipt', '--', f, '--public-key', keyFile], { encoding: 'utf8' });
    expect(run(file)).toMatchObject({ status: 0, stdout: expect.stringMatching(/^OK/) });
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...good, leaf: { ...good.leaf, recorded_at: '2027-01-01T00:00:00.000Z' } }));
    expect(run(bad)).toMatchObject({ status: 1, stdout: expect.stringMatching(/^FAILED: leaf/) });
  });
});
