import { createRequire } from 'node:module';
import path from 'node:path';
import { projectRoot } from './config.mjs';

/** The seeded users, read from the built gateway (the one list it seeds from), grouped by role and department. */
export function demoUserLines() {
  const file = path.join(projectRoot, 'dist', 'apps', 'gateway', 'src', 'auth', 'users', 'demo-users.js');
  const { DEMO_USERS, DEMO_PASSWORD } = createRequire(import.meta.url)(file);
  const groups = new Map();
  for (const { username, role, department } of DEMO_USERS) {
    const key = department ? `${role} · ${department}` : role;
    groups.set(key, [...(groups.get(key) ?? []), username]);
  }
  const names = [...groups.values()].map((users) => users.join(', '));
  const width = Math.max(...names.map((n) => n.length));
  return [
    `demo users (password "${DEMO_PASSWORD}"):`,
    ...[...groups.keys()].map((key, i) => `  ${names[i].padEnd(width)}  ${key}`),
  ];
}
