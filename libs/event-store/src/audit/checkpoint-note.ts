import { createHash, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/**
 * C2SP tlog-checkpoint inside a C2SP signed note, signed with Ed25519:
 *   <origin>\n<tree size>\n<base64 root hash>\n\n— <key name> <base64(key id ‖ signature)>\n
 * The key id is SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4]; a verifier key is written
 * `<name>+<hex key id>+<base64(0x01 ‖ public key)>`.
 */
export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
}

export interface NoteSigner {
  name: string;
  privateKey: KeyObject;
}

export class CheckpointError extends Error {
  override readonly name = 'CheckpointError';
}

const ED25519 = 0x01;
const SIGNATURE_PREFIX = '\u2014 ';
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function checkpointBody({ origin, size, root }: Checkpoint): string {
  return `${origin}\n${size}\n${root.toString('base64')}\n`;
}

const rawPublicKey = (key: KeyObject): Buffer => key.export({ format: 'der', type: 'spki' }).subarray(-32);

export function keyId(name: string, publicKey: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), Buffer.from([ED25519]), publicKey]))
    .digest()
    .subarray(0, 4);
}

export function verifierKey(signer: NoteSigner): string {
  const publicKey = rawPublicKey(createPublicKey(signer.privateKey));
  const id = keyId(signer.name, publicKey).toString('hex');
  return `${signer.name}+${id}+${Buffer.concat([Buffer.from([ED25519]), publicKey]).toString('base64')}`;
}

export function signCheckpoint(checkpoint: Checkpoint, signer: NoteSigner): string {
  if (/[\s+]/.test(signer.name)) throw new CheckpointError('a key name may not contain spaces or "+"');
  const body = checkpointBody(checkpoint);
  const signature = sign(null, Buffer.from(body, 'utf8'), signer.privateKey);
  const publicKey = rawPublicKey(createPublicKey(signer.privateKey));
  const tag = Buffer.concat([keyId(signer.name, publicKey), signature]).toString('base64');
  return `${body}\n${SIGNATURE_PREFIX}${signer.name} ${tag}\n`;
}

interface ParsedVerifierKey {
  name: string;
  id: Buffer;
  key: KeyObject;
}

export function parseVerifierKey(text: string): ParsedVerifierKey {
  // The base64 key may itself contain "+": only the first two separate the fields.
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(text.trim());
  if (!match) throw new CheckpointError('verifier key is not name+id+key');
  const [, name = '', idHex = '', encoded = ''] = match;
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length !== 33 || bytes[0] !== ED25519) throw new CheckpointError('verifier key is not an Ed25519 key');
  const publicKey = bytes.subarray(1);
  const id = keyId(name, publicKey);
  if (id.toString('hex') !== idHex) throw new CheckpointError('verifier key id does not match its key');
  const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]), format: 'der', type: 'spki' });
  return { name, id, key };
}

/** Checks the note's signature by `verifierKeyText` and answers the checkpoint; throws naming what failed. */
export function openCheckpoint(note: string, verifierKeyText: string, expectedOrigin?: string): Checkpoint {
  const verifier = parseVerifierKey(verifierKeyText);
  const split = note.indexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new CheckpointError('checkpoint is not a signed note');
  const body = note.slice(0, split + 1);
  const signatures = note.slice(split + 2, -1).split('\n');
  const lines = body.slice(0, -1).split('\n');
  if (lines.length < 3) throw new CheckpointError('checkpoint body needs origin, size and root');
  const [origin, sizeText, rootText] = lines as [string, string, string];
  let signed = false;
  for (const line of signatures) {
    if (!line.startsWith(SIGNATURE_PREFIX)) throw new CheckpointError('malformed signature line');
    const [name, encoded] = line.slice(SIGNATURE_PREFIX.length).split(' ');
    const tag = Buffer.from(encoded ?? '', 'base64');
    if (name !== verifier.name || tag.length < 4 || !tag.subarray(0, 4).equals(verifier.id)) continue;
    if (!verify(null, Buffer.from(body, 'utf8'), verifier.key, tag.subarray(4))) {
      throw new CheckpointError(`signature by ${name} does not verify`);
    }
    signed = true;
  }
  if (!signed) throw new CheckpointError(`no signature by ${verifier.name} on the checkpoint`);
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText)) throw new CheckpointError('tree size is not a decimal number');
  const root = Buffer.from(rootText, 'base64');
  if (root.length !== 32 || root.toString('base64') !== rootText) throw new CheckpointError('root is not 32 bytes');
  if (expectedOrigin !== undefined && origin !== expectedOrigin) {
    throw new CheckpointError(`checkpoint is for ${origin}, not ${expectedOrigin}`);
  }
  return { origin, size: Number(sizeText), root };
}

export const generateSigningKey = (): KeyObject => generateKeyPairSync('ed25519').privateKey;
