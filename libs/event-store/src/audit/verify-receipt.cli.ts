/**
 * npm run verify-receipt -- <receipt.json> --public-key <file with the log's verifier key>
 * Exit 0: the receipt is good. Exit 1: it is not (the reason is printed). Exit 2: wrong usage or unreadable input.
 * No database, no network: only the receipt and the key.
 */
import { readFileSync } from 'node:fs';
import { ReceiptError, verifyReceipt, type AuditReceipt } from './receipt';

export function runVerifyReceipt(args: readonly string[], print = console.log): number {
  const keyAt = args.indexOf('--public-key');
  const file = args.find((arg, i) => !arg.startsWith('--') && i !== keyAt + 1);
  const keyFile = keyAt >= 0 ? args[keyAt + 1] : undefined;
  if (!file || !keyFile) {
    print('usage: npm run verify-receipt -- <receipt.json> --public-key <key file>');
    return 2;
  }
  let receipt: AuditReceipt;
  let key: string;
  try {
    receipt = JSON.parse(readFileSync(file, 'utf8')) as AuditReceipt;
    key = readFileSync(keyFile, 'utf8').trim();
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
