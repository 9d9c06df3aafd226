import { createHash } from 'node:crypto';
import {
  CheckpointError,
  generateSigningKey,
  openCheckpoint,
  signCheckpoint,
  verifierKey,
  type NoteSigner,
} from './checkpoint-note';

describe('checkpoint notes (C2SP tlog-checkpoint, signed-note)', () => {
  const signer: NoteSigner = { name: 'govflow.local/registration', privateKey: generateSigningKey() };
  const checkpoint = {
    origin: 'govflow.local/registration',
    size: 42,
    root: createHash('sha256').update('x').digest(),
  };
  const note = signCheckpoint(checkpoint, signer);
  const vkey = verifierKey(signer);

  it('writes origin, size, base64 root, a blank line and one em-dash signature line', () => {
    const lines = note.split('\n');
    expect(lines.slice(0, 4)).toEqual(['govflow.local/registration', '42', checkpoint.root.toString('base64'), '']);
    expect(lines[4]).toMatch(/^\u2014 govflow\.local\/registration [A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(lines[4]!.split(' ')[2]!, 'base64')).toHaveLength(4 + 64);
    expect(vkey).toMatch(/^govflow\.local\/registration\+[0-9a-f]{8}\+[A-Za-z0-9+/]+=*$/);
  });

  it('opens a good note and answers its checkpoint', () => {
    expect(openCheckpoint(note, vkey, checkpoint.origin)).toEqual(checkpoint);
  });

  it.each([
    ['a changed size', note.replace('\n42\n', '\n43\n'), /does not verify/],
    ['a changed root', note.replace(checkpoint.root.toString('base64'), Buffer.alloc(32).toString('base64')), /verify/],
    ['no signature line', note.split('\u2014')[0]!, /signed note|signature/],
    ['another origin', note, /not govflow.local\/tax/],
  ])('refuses %s', (what, text, reason) => {
    const origin = what === 'another origin' ? 'govflow.local/tax' : checkpoint.origin;
    expect(() => openCheckpoint(text, vkey, origin)).toThrow(reason);
  });

  it('refuses a note signed by another key of the same name', () => {
    const forger = { name: signer.name, privateKey: generateSigningKey() };
    expect(() => openCheckpoint(signCheckpoint(checkpoint, forger), vkey)).toThrow(CheckpointError);
  });
});
