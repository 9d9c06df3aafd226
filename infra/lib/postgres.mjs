// A project-local PostgreSQL cluster on its own port, one database per service.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { config } from './config.mjs';
import { isRunning, requireFreePorts, run, startDetached, stopRecorded, tcpOpen, waitUntil, which } from './proc.mjs';

const pg = config.postgres;
const NAME = 'postgres';

function findBinDir() {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'postgres')))
    : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions[0]) return path.join(root, versions[0], 'bin');
  const onPath = which('postgres');
  return onPath ? path.dirname(fs.realpathSync(onPath)) : undefined;
}

// postgres refuses to run as root; as root we run it as the unprivileged `postgres` system user.
function serverUser() {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(run('id', ['-u', 'postgres']).trim());
  const gid = Number(run('id', ['-g', 'postgres']).trim());
  return { uid, gid };
}

function asServerUser(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', cwd: pg.home, ...serverUser() });
  if (result.status !== 0) throw new Error(`${path.basename(command)} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

function psql(binDir, database, sql) {
  return run(
    path.join(binDir, 'psql'),
    ['-h', config.host, '-p', String(pg.port), '-U', pg.user, '-d', database, '-v', 'ON_ERROR_STOP=1', '-tAc', sql],
    { env: { ...process.env, PGPASSWORD: pg.password, PGCONNECT_TIMEOUT: '3' } },
  );
}

/**
 * The cluster's home, only the server user's: made with mode 700, or, if it exists, accepted only as a real directory
 * owned by root or that user (never a symlink or someone else's folder planted in /var/tmp).
 */
function prepareHome({ uid }) {
  fs.mkdirSync(path.dirname(pg.home), { recursive: true });
  try {
    fs.mkdirSync(pg.home, { mode: 0o700 });
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
  const stat = fs.lstatSync(pg.home);
  if (!stat.isDirectory() || ![0, uid ?? process.getuid()].includes(stat.uid))
    throw new Error(`${pg.home} is not a directory owned by root or the postgres user; remove it`);
  fs.chmodSync(pg.home, 0o700);
}

function chownTree(dir, { uid, gid }) {
  if (uid === undefined) return;
  fs.chownSync(dir, uid, gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full, { uid, gid });
    else fs.chownSync(full, uid, gid);
  }
}

const settings = [
  ['listen_addresses', `'${config.host}'`],
  ['max_connections', '300'],
  ['shared_buffers', "'256MB'"],
  ['unix_socket_directories', `'${pg.socketDir}'`],
  ['log_min_messages', 'warning'],
  ['log_line_prefix', "'%m [%p] '"],
];

export default {
  name: NAME,
  async install(log) {
    if (findBinDir()) return;
    if (process.getuid?.() !== 0)
      throw new Error('PostgreSQL server binaries are missing; install the Debian package postgresql');
    log('installing PostgreSQL from Debian packages');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'postgresql'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (!findBinDir()) throw new Error('PostgreSQL installed but no server binary found');
  },

  async start(log) {
    const binDir = findBinDir();
    const user = serverUser();
    if (!fs.existsSync(path.join(pg.dataDir, 'PG_VERSION'))) {
      log(`initialising cluster in ${pg.dataDir}`);
      prepareHome(user);
      fs.mkdirSync(pg.dataDir, { recursive: true });
      fs.mkdirSync(pg.socketDir, { recursive: true });
      const pwFile = path.join(path.dirname(pg.dataDir), 'pwfile');
      fs.writeFileSync(pwFile, pg.password);
      chownTree(path.dirname(pg.dataDir), user);
      asServerUser(path.join(binDir, 'initdb'), [
        '-D',
        pg.dataDir,
        '-U',
        pg.user,
        `--pwfile=${pwFile}`,
        '--auth-host=scram-sha-256',
        '--auth-local=trust',
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
      ]);
      fs.rmSync(pwFile);
      const conf = settings.map(([key, value]) => `${key} = ${value}`).join('\n');
      fs.appendFileSync(path.join(pg.dataDir, 'postgresql.conf'), `\n# govflow\n${conf}\n`);
    }
    if (!isRunning(NAME)) {
      await requireFreePorts(this.ports());
      log(`starting PostgreSQL on ${config.host}:${pg.port}`);
      startDetached(NAME, path.join(binDir, 'postgres'), ['-D', pg.dataDir, '-p', String(pg.port)], {
        ...user,
        cwd: pg.home,
      });
      try {
        await waitUntil(NAME, async () => (await tcpOpen(pg.port)) && canQuery(binDir), { timeoutMs: 30000 });
      } catch (error) {
        await this.stop(); // never leave a half-started server behind
        throw error;
      }
    }
    await waitUntil(NAME, async () => (await tcpOpen(pg.port)) && canQuery(binDir), { timeoutMs: 30000 });
    const existing = new Set(psql(binDir, 'postgres', 'SELECT datname FROM pg_database').split('\n'));
    for (const database of pg.databases.filter((name) => !existing.has(name))) {
      psql(binDir, 'postgres', `CREATE DATABASE ${database}`);
    }
  },

  async stop() {
    // SIGINT is PostgreSQL's fast shutdown: roll back open transactions, checkpoint, exit.
    return stopRecorded(NAME, { signal: 'SIGINT', graceMs: 20000 });
  },

  ports() {
    return [[pg.port, 'PG_PORT']];
  },

  async status() {
    const running = isRunning(NAME) && (await tcpOpen(pg.port));
    return { running, detail: `${config.host}:${pg.port} databases ${pg.databases.join(', ')}, data ${pg.dataDir}` };
  },

  env() {
    const url = (db) => `postgres://${pg.user}:${pg.password}@${config.host}:${pg.port}/${db}`;
    return {
      PG_ADMIN_URL: url('postgres'),
      REGISTRATION_DATABASE_URL: url('registration'),
      TAX_DATABASE_URL: url('tax'),
      SCIENCE_COMMISSION_DATABASE_URL: url('science_commission'),
      PERMITS_DATABASE_URL: url('permits'),
      GATEWAY_DATABASE_URL: url('gateway'),
    };
  },
};

function canQuery(binDir) {
  try {
    psql(binDir, 'postgres', 'SELECT 1');
    return true;
  } catch {
    return false;
  }
}
