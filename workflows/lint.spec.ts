import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.join(__dirname, '..');

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; message: string }[];
}

describe('workflow import rules (ESLint)', () => {
  it('reports every forbidden import in workflow code', () => {
    const fixtures = ['imports-node-builtin', 'imports-nest', 'imports-pg', 'imports-kafkajs'].map((name) =>
      path.join('test', 'fixtures', 'workflows', `${name}.workflow.ts`),
    );
    const eslint = path.join(root, 'node_modules', '.bin', 'eslint');
    const run = spawnSync(eslint, ['--no-ignore', '--format', 'json', ...fixtures], { cwd: root, encoding: 'utf8' });

    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout) as LintResult[];
    const restricted = results.map((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports').length);
    expect(restricted).toEqual([1, 1, 1, 1]);
    const builtin = results.find((r) => r.filePath.endsWith('imports-node-builtin.workflow.ts'));
    expect(builtin?.messages.map((m) => m.message)).toContainEqual(expect.stringMatching(/no Node built-ins/));
  });
});
