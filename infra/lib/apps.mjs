// Starts and stops the compiled NestJS apps as detached processes with pid files, like the servers.
import path from 'node:path';
import { projectRoot } from './config.mjs';
import { isRunning, requireFreePorts, startDetached, stopRecorded, waitUntil } from './proc.mjs';

const portFrom = (portVariable, fallback) => ({ port: Number(process.env[portVariable] || fallback), portVariable });

// The gateway honours PORT (the portal's documented contract); the other apps have their own variables.
export const apps = [
  { name: 'registration', ...portFrom('REGISTRATION_PORT', 3001), database: 'REGISTRATION_DATABASE_URL' },
  { name: 'tax', ...portFrom('TAX_PORT', 3002), database: 'TAX_DATABASE_URL' },
  {
    name: 'science-commission',
    ...portFrom('SCIENCE_COMMISSION_PORT', 3003),
    database: 'SCIENCE_COMMISSION_DATABASE_URL',
  },
  { name: 'orchestrator', ...portFrom('ORCHESTRATOR_PORT', 3004) },
  { name: 'permits', ...portFrom('PERMITS_PORT', 3005), database: 'PERMITS_DATABASE_URL' },
  { name: 'gateway', ...portFrom('PORT', 3000), database: 'GATEWAY_DATABASE_URL' },
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

const notRunning = () => apps.filter((app) => !isRunning(processName(app)));

/** Throws one line naming the first port of an app to start that another program holds, and its variable. */
export const requireFreeAppPorts = () => requireFreePorts(notRunning().map((app) => [app.port, app.portVariable]));

/** Where the gateway finds the services it verifies: the ports chosen here, unless set explicitly. */
const peerUrls = () =>
  Object.fromEntries(
    ['registration', 'tax', 'permits', 'science-commission'].map((name) => {
      const variable = `${name.toUpperCase().replace('-', '_')}_URL`;
      const port = apps.find((app) => app.name === name).port;
      return [variable, process.env[variable] || `http://127.0.0.1:${port}`];
    }),
  );

export async function startApps(serverEnv, log) {
  await requireFreeAppPorts();
  for (const app of notRunning()) {
    const env = {
      ...serverEnv,
      ...(app.name === 'gateway' ? peerUrls() : {}),
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

/** Stops the apps (all, or those whose process names `which` accepts), each by its own pid file. */
export async function stopApps(which = () => true) {
  const chosen = apps.filter((app) => which(processName(app)));
  await Promise.all(chosen.map((app) => stopRecorded(processName(app), { signal: 'SIGTERM', graceMs: 15000 })));
}
