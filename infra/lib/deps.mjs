// Installs the locked npm dependencies when they are missing or older than the lock file.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './config.mjs';
import { run } from './proc.mjs';

export function ensureDependencies(log) {
  const marker = path.join(projectRoot, 'node_modules', '.package-lock.json');
  const lock = path.join(projectRoot, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  // `npm ci` installs exactly the locked tree and never rewrites package-lock.json, so a run leaves the work tree
  // clean. The lock lists every platform's optional binaries (@swc/core-*), which `npm ci` requires.
  log('installing npm dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: projectRoot, stdio: 'inherit' });
}

export function build(log) {
  log('building apps, libs and workflows (swc)');
  run('npm', ['run', '--silent', 'build'], { cwd: projectRoot });
}
