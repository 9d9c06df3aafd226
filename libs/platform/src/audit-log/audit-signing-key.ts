import { createPrivateKey, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InvalidConfiguration } from '@govflow/config';
import { generateSigningKey, type NoteSigner } from '@govflow/event-store';

export interface AuditLogSettings {
  origin: string;
  signer: NoteSigner;
  /** Keys of earlier signers still accepted by verify (after a rotation), as C2SP verifier keys. */
  previousVerifierKeys: string[];
}

/**
 * The log's Ed25519 signing key comes from outside the database: AUDIT_SIGNING_KEY (PKCS#8 PEM) or
 * AUDIT_SIGNING_KEY_FILE. Local runs without either get one generated under .local/audit-keys/ (kept across
 * restarts, so checkpoints stay verifiable); production refuses to start without one.
 */
export function auditLogSettings(service: string, env: NodeJS.ProcessEnv = process.env): AuditLogSettings {
  const origin = env.AUDIT_LOG_ORIGIN ?? `govflow.local/${service}`;
  const previousVerifierKeys = (env.AUDIT_PREVIOUS_VERIFIER_KEYS ?? '').split(',').filter(Boolean);
  return { origin, signer: { name: origin, privateKey: signingKey(service, env) }, previousVerifierKeys };
}

function signingKey(service: string, env: NodeJS.ProcessEnv): KeyObject {
  const { AUDIT_SIGNING_KEY: text, AUDIT_SIGNING_KEY_FILE: file } = env;
  if (text) return ed25519(() => text, 'AUDIT_SIGNING_KEY');
  if (file) return ed25519(() => readFileSync(file, 'utf8'), 'AUDIT_SIGNING_KEY_FILE');
  if (env.NODE_ENV === 'production') {
    throw new InvalidConfiguration([
      { variable: 'AUDIT_SIGNING_KEY', message: 'is required when NODE_ENV is production (or AUDIT_SIGNING_KEY_FILE)' },
    ]);
  }
  const dir = path.resolve(env.GOVFLOW_LOCAL_DIR ?? path.join(process.cwd(), '.local'), 'audit-keys');
  const local = path.join(dir, `${service}.pem`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    const pem = generateSigningKey().export({ format: 'pem', type: 'pkcs8' }).toString();
    writeFileSync(local, pem, { flag: 'wx', mode: 0o600 }); // a replica that lost the race reads the winner's
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return ed25519(() => readFileSync(local, 'utf8'), local);
}

/** The key's text never reaches a message: only the variable (or file) it came from. */
function ed25519(read: () => string, variable: string): KeyObject {
  let key: KeyObject | undefined;
  try {
    key = createPrivateKey(read());
  } catch {
    key = undefined;
  }
  if (key?.asymmetricKeyType !== 'ed25519') {
    throw new InvalidConfiguration([{ variable, message: 'must be an Ed25519 private key (PKCS#8 PEM)' }]);
  }
  return key;
}
