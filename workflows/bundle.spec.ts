import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.join(__dirname, '..');
const fixture = (name: string) => path.join(root, 'test', 'fixtures', 'workflows', `${name}.workflow.ts`);

interface BundleResult {
  path: string;
  ok: boolean;
  leaked?: string[];
  error?: string;
}

function bundle(...paths: string[]): BundleResult[] {
  const bundler = path.join(root, 'test', 'support', 'bundle-workflows.js');
  const output = execFileSync(process.execPath, [bundler, ...paths], { encoding: 'utf8', timeout: 180_000 });
  return output
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as BundleResult);
}

describe('workflow bundle', () => {
  it('bundles workflows/ with nothing non-deterministic in it', () => {
    expect(bundle(path.join(root, 'workflows', 'index.ts'))).toEqual([
      expect.objectContaining({ ok: true, leaked: [] }),
    ]);
  });

  it('refuses workflow code that imports a Node built-in, Nest, pg or kafkajs', () => {
    const names = ['imports-node-builtin', 'imports-nest', 'imports-pg', 'imports-kafkajs'];
    const results = bundle(...names.map(fixture));
    expect(results.map((r) => r.ok)).toEqual([false, false, false, false]);
    expect(results[0]?.error).toMatch(/node:fs/);
  });
});
