import { createPrivateKey, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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
  if (env.AUDIT_SIGNING_KEY) return ed25519(env.AUDIT_SIGNING_KEY, 'AUDIT_SIGNING_KEY');
  if (env.AUDIT_SIGNING_KEY_FILE) {
    return ed25519(readFileSync(env.AUDIT_SIGNING_KEY_FILE, 'utf8'), 'AUDIT_SIGNING_KEY_FILE');
  }
  if (env.NODE_ENV === 'production') {
    throw new Error(
      'AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE is required in production: the audit log signs with it',
    );
  }
  const dir = path.resolve(env.GOVFLOW_LOCAL_DIR ?? path.join(process.cwd(), '.local'), 'audit-keys');
  const file = path.join(dir, `${service}.pem`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    const pem = generateSigningKey().export({ format: 'pem', type: 'pkcs8' }).toString();
    writeFileSync(file, pem, { flag: 'wx', mode: 0o600 }); // a replica that lost the race reads the winner's
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return ed25519(readFileSync(file, 'utf8'), file);
}

function ed25519(pem: string, where: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${where} is not an Ed25519 private key`);
  return key;
}
