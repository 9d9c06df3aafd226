// Starts and stops the compiled NestJS apps as detached processes with pid files, like the servers.
import path from 'node:path';
import { projectRoot } from './config.mjs';
import { isRunning, startDetached, stopRecorded, waitUntil } from './proc.mjs';

const portFrom = (variable, fallback) => Number(process.env[variable] || fallback);

// The gateway honours PORT (the portal's documented contract); the other apps have their own variables.
export const apps = [
  { name: 'registration', port: portFrom('REGISTRATION_PORT', 3001), database: 'REGISTRATION_DATABASE_URL' },
  { name: 'tax', port: portFrom('TAX_PORT', 3002), database: 'TAX_DATABASE_URL' },
  {
    name: 'science-commission',
    port: portFrom('SCIENCE_COMMISSION_PORT', 3003),
    database: 'SCIENCE_COMMISSION_DATABASE_URL',
  },
  { name: 'orchestrator', port: portFrom('ORCHESTRATOR_PORT', 3004) },
  { name: 'gateway', port: portFrom('PORT', 3000), database: 'GATEWAY_DATABASE_URL' },
];

// The clock of new cases (local runs only): every app gets the same scale; apps validate it and production refuses
// anything but 1. Apps already running keep the scale they were started with.
export const timeScale = () => process.env.GOVFLOW_TIME_SCALE || '1';

const processName = (app) => `app-${app.name}`;
export const healthUrl = (app) => `http://127.0.0.1:${app.port}/health`;

async function healthy(app) {
  try {
    const response = await fetch(healthUrl(app), { signal: AbortSignal.timeout(4000) });
    return response.ok;
  } catch {
    return false;
  }
}

export async function startApps(serverEnv, log) {
  for (const app of apps.filter((a) => !isRunning(processName(a)))) {
    const env = {
      ...serverEnv,
      PORT: String(app.port),
      GOVFLOW_TIME_SCALE: timeScale(),
      ...(app.database ? { DATABASE_URL: serverEnv[app.database] } : {}),
    };
    startDetached(
      processName(app),
      process.execPath,
      [path.join(projectRoot, 'dist', 'apps', app.name, 'src', 'main.js')],
      {
        env,
        cwd: projectRoot,
      },
    );
  }
  await Promise.all(
    apps.map((app) => waitUntil(processName(app), () => healthy(app), { timeoutMs: 60000, intervalMs: 500 })),
  );
  for (const app of apps) log(`${app.name.padEnd(18)} healthy  ${healthUrl(app)}`);
}

export async function stopApps() {
  await Promise.all(apps.map((app) => stopRecorded(processName(app), { signal: 'SIGTERM', graceMs: 15000 })));
}
