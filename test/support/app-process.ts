import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

/** Compiles apps, libs and workflows with swc (well under a second) so the processes run the code under test. */
export function ensureBuilt(): void {
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules', '@swc', 'cli', 'bin', 'swc.js'),
      'apps',
      'libs',
      'workflows',
      '-d',
      'dist',
      '--copy-files',
      '--quiet',
    ],
    {
      cwd: root,
    },
  );
}

export interface RunningApp {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function startApp(name: string, env: Record<string, string>): RunningApp {
  const main = path.join(root, 'dist', 'apps', name, 'src', 'main.js');
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: build first`);
  const child = spawn(process.execPath, [main], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

export async function waitForHealthy(url: string, app: RunningApp, timeoutMs = 45_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    if (app.process.exitCode !== null) throw new Error(`app exited ${app.process.exitCode}: ${app.output()}`);
    try {
      const response = await fetch(url);
      last = await response.json();
      if (response.ok) return last;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`not healthy after ${timeoutMs} ms; last report ${JSON.stringify(last)}; output ${app.output()}`);
}

/** Waits until the app answers `url` at all (a 503 while it still joins its consumer groups counts). */
export async function waitForAnswer(url: string, app: RunningApp, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.process.exitCode !== null) throw new Error(`app exited ${app.process.exitCode}: ${app.output()}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(5000) });
      return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no answer from ${url} after ${timeoutMs} ms; output ${app.output()}`);
}

/**
 * Fails when something already listens on `port`. Without this an app of ours would exit on EADDRINUSE while
 * waitForHealthy got its answer from the other listener (another run of the same suite), and the test would talk to
 * that run's stack.
 */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${port} is in use (another run of this suite?): wait for it to end and retry`)
          : error,
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve())); // where the apps listen (bootstrap.ts)
  });
}
