import { hashPassword, verifyPassword } from './password-hash';

describe(hashPassword.name, () => {
  it('verifies the password it hashed', async () => {
    const stored = await hashPassword('demo');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    await expect(verifyPassword('demo', stored)).resolves.toBe(true);
  });

  it('rejects a different password', async () => {
    const stored = await hashPassword('demo');
    await expect(verifyPassword('Demo', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('salts every hash, so equal passwords give different hashes', async () => {
    const [first, second] = await Promise.all([hashPassword('demo'), hashPassword('demo')]);
    expect(first).not.toBe(second);
    await expect(verifyPassword('demo', second)).resolves.toBe(true);
  });

  it('treats canonically equivalent Unicode spellings as the same password', async () => {
    const stored = await hashPassword('caf\u00e9');
    await expect(verifyPassword('cafe\u0301', stored)).resolves.toBe(true);
  });

  it.each(['', 'plain-text', 'scrypt$16384$8$1$c2FsdA', 'bcrypt$x$y$z$salt$key', 'scrypt$0$8$1$c2FsdA$a2V5'])(
    'answers false, never throws, for a stored value it did not write: %j',
    async (stored) => {
      await expect(verifyPassword('demo', stored)).resolves.toBe(false);
    },
  );
});
