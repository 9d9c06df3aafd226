import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSigningKey, verifierKey } from '@govflow/event-store';
import { auditLogSettings } from './audit-signing-key';

describe(auditLogSettings.name, () => {
  const local = () => mkdtempSync(path.join(tmpdir(), 'audit-keys-'));

  it('refuses to start in production without a key', () => {
    expect(() => auditLogSettings('tax', { NODE_ENV: 'production' })).toThrow(
      /AUDIT_SIGNING_KEY: is required when NODE_ENV is production/,
    );
  });

  it('uses the key it is given, with the origin as the key name', () => {
    const pem = generateSigningKey().export({ format: 'pem', type: 'pkcs8' }).toString();
    const settings = auditLogSettings('tax', { NODE_ENV: 'production', AUDIT_SIGNING_KEY: pem });
    expect(settings.origin).toBe('govflow.local/tax');
    expect(settings.signer.name).toBe('govflow.local/tax');
    expect(settings.signer.privateKey.export({ format: 'pem', type: 'pkcs8' })).toBe(pem);
  });

  it('refuses a key that is not Ed25519', () => {
    const { generateKeyPairSync } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' });
    expect(() => auditLogSettings('tax', { AUDIT_SIGNING_KEY: ec.toString() })).toThrow(
      /AUDIT_SIGNING_KEY: must be an Ed25519 private key/,
    );
  });

  it('names the variable, never the text, of a key that is not a key', () => {
    expect(() => auditLogSettings('tax', { AUDIT_SIGNING_KEY: 'not-a-key-secret-text' })).toThrow(
      /^Invalid configuration: AUDIT_SIGNING_KEY: must be an Ed25519 private key \(PKCS#8 PEM\)$/,
    );
  });

  it('generates a local key once under .local/audit-keys and keeps it across restarts', () => {
    const dir = local();
    const first = auditLogSettings('registration', { GOVFLOW_LOCAL_DIR: dir });
    const second = auditLogSettings('registration', { GOVFLOW_LOCAL_DIR: dir });
    expect(verifierKey(second.signer)).toBe(verifierKey(first.signer));
    const file = path.join(dir, 'audit-keys', 'registration.pem');
    expect(readFileSync(file, 'utf8')).toMatch(/BEGIN PRIVATE KEY/);
    expect(statSync(file).mode & 0o077).toBe(0);
  });
});
