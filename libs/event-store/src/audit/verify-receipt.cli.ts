/**
 * npm run verify-receipt -- <receipt.json> --public-key <file with the log's verifier key> [--later <proof.json>]
 * `--later`: the answer of GET /api/audit/consistency-proofs (a later checkpoint and the consistency proof to it),
 * which shows the event is still in the log as signed later.
 * Exit 0: the receipt is good. Exit 1: it is not (the reason is printed). Exit 2: wrong usage or unreadable input.
 * No database, no network: only the receipt and the key.
 */
import { readFileSync } from 'node:fs';
import { ReceiptError, verifyReceipt, type AuditReceipt } from './receipt';

const optionValue = (args: readonly string[], name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

export function runVerifyReceipt(args: readonly string[], print = console.log): number {
  const valueAt = new Set(['--public-key', '--later'].map((name) => args.indexOf(name) + 1).filter((i) => i > 0));
  const file = args.find((arg, i) => !arg.startsWith('--') && !valueAt.has(i));
  const keyFile = optionValue(args, '--public-key');
  const laterFile = optionValue(args, '--later');
  if (!file || !keyFile || (args.includes('--later') && !laterFile)) {
    print('usage: npm run verify-receipt -- <receipt.json> --public-key <key file> [--later <consistency proof.json>]');
    return 2;
  }
  let receipt: AuditReceipt;
  let key: string;
  try {
    receipt = JSON.parse(readFileSync(file, 'utf8')) as AuditReceipt;
    key = readFileSync(keyFile, 'utf8').trim();
    if (laterFile) {
      const { checkpoint, consistency } = JSON.parse(readFileSync(laterFile, 'utf8')) as NonNullable<
        AuditReceipt['later']
      >;
      receipt = { ...receipt, later: { checkpoint, consistency } };
    }
  } catch (error) {
    print(`cannot read the receipt or the key: ${(error as Error).message}`);
    return 2;
  }
  try {
    const verdict = verifyReceipt(receipt, key);
    const later = verdict.laterSize ? `, and still in its tree of ${verdict.laterSize}` : '';
    print(
      `OK: event ${verdict.eventId} is leaf ${verdict.logIndex} of ${verdict.checkpoint.origin}, ` +
        `in the signed tree of ${verdict.checkpoint.size}${later}`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ReceiptError)) {
      print(`FAILED: malformed receipt: ${(error as Error).message}`);
      return 1;
    }
    print(`FAILED: ${error.message}`);
    return 1;
  }
}

if (require.main === module) process.exitCode = runVerifyReceipt(process.argv.slice(2));
