// Installs npm dependencies when they are missing or older than the lock file.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './config.mjs';
import { run } from './proc.mjs';

export function ensureDependencies(log) {
  const marker = path.join(projectRoot, 'node_modules', '.package-lock.json');
  const lock = path.join(projectRoot, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  // `npm install`, not `npm ci`: the registry reachable here lacks some other platforms' optional binaries
  // (e.g. @swc/core-darwin-arm64), which `npm ci` reports as a lock mismatch. The lock still pins every version.
  log('installing npm dependencies');
  run('npm', ['install', '--no-audit', '--no-fund'], { cwd: projectRoot, stdio: 'inherit' });
}

export function build(log) {
  log('building apps, libs and workflows (swc)');
  run('npm', ['run', '--silent', 'build'], { cwd: projectRoot });
}
