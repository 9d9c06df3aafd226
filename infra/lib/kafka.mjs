// Local single-node Apache Kafka (KRaft combined mode: broker + controller) on loopback, for development and CI.
// Jars come from Maven Central (infra/kafka/pom.xml) into .local/kafka/libs; the broker runs as
// `java -cp 'libs/*' kafka.Kafka server.properties`. Readiness and topic creation speak the Kafka wire
// protocol directly (ApiVersions v0, Metadata v4, CreateTopics v2), so no JVM tool is started for them.
import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { config, projectRoot } from './config.mjs';
import { kafkaWireClient } from './kafka-wire.mjs';
import {
  ComponentFailed,
  isRunning,
  logFile,
  readPid,
  requireFreePorts,
  sleep,
  startDetached,
  stopRecorded,
  tcpOpen,
  waitUntil,
  which,
} from './proc.mjs';

const NAME = 'kafka';
const { host } = config;
const { port, controllerPort, dir } = config.kafka;
const pom = path.join(projectRoot, 'infra', 'kafka', 'pom.xml');
const libsDir = path.join(dir, 'libs');
const installedMarker = path.join(libsDir, '.installed');
const dataDir = path.join(dir, 'data');
const propertiesFile = path.join(dir, 'server.properties');
const log4jFile = path.join(dir, 'log4j2.properties');
const clusterIdFile = path.join(dir, 'cluster-id');
const NODE_ID = 1;

/** The project's topics (libs/contracts/src/topics.json), created idempotently by `start` with these partition counts. */
export const topics = Object.freeze(
  JSON.parse(fs.readFileSync(path.join(projectRoot, 'libs', 'contracts', 'src', 'topics.json'), 'utf8')).map((t) =>
    Object.freeze({ name: t.name, partitions: t.partitions }),
  ),
);

/** A copy of the topic list ({ name, partitions }), for scripts and tests that create or check topics. */
export const getTopics = () => topics.map((topic) => ({ ...topic }));

export const brokers = () => `${host}:${port}`;

const cdsArchive = path.join(dir, 'kafka-cds.jsa');

/**
 * JVM options: small heap, serial GC and C1 only, which start fastest on a 2-core machine (about 3 s to ready
 * here, against 4.5-7 s with C2 or G1). KAFKA_JVM_OPTS replaces them.
 */
const jvmOptions = () =>
  process.env.KAFKA_JVM_OPTS?.trim()
    ? process.env.KAFKA_JVM_OPTS.trim().split(/\s+/)
    : ['-Xms128m', '-Xmx512m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Djava.awt.headless=true'];
const javaBase = () => [...jvmOptions(), `-Dlog4j2.configurationFile=${log4jFile}`, '-cp', path.join(libsDir, '*')];

/**
 * Class-data sharing for the broker: the first run records the classes it loaded into an archive when it exits
 * (on `stop`), later runs map it and reach ready about 1.2 s sooner. The archive is dropped on every install;
 * a JVM that finds it stale (another JDK) ignores it. Not used when KAFKA_JVM_OPTS is set.
 */
const cdsOptions = () => {
  if (process.env.KAFKA_JVM_OPTS?.trim()) return [];
  const use = fs.existsSync(cdsArchive)
    ? `-XX:SharedArchiveFile=${cdsArchive}`
    : `-XX:ArchiveClassesAtExit=${cdsArchive}`;
  return [use, '-Xlog:cds=off', '-Xlog:cds+dynamic=off'];
};

const pomDigest = () => createHash('sha256').update(fs.readFileSync(pom)).digest('hex');
const kafkaVersion = () => /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(fs.readFileSync(pom, 'utf8'))?.[1] ?? '?';
const installed = () => {
  try {
    return fs.readFileSync(installedMarker, 'utf8').trim() === pomDigest();
  } catch {
    return false;
  }
};

function requireCommand(command) {
  if (!which(command))
    throw new ComponentFailed(NAME, `\`${command}\` is not on PATH (Kafka needs Java 17+ and Maven)`);
}

// ---------------------------------------------------------------------------------------------------------
// Configuration and storage

function writeConfig() {
  fs.mkdirSync(dir, { recursive: true });
  const properties = {
    'process.roles': 'broker,controller',
    'node.id': NODE_ID,
    listeners: `PLAINTEXT://${host}:${port},CONTROLLER://${host}:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${host}:${port}`,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name': 'PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'controller.quorum.voters': `${NODE_ID}@${host}:${controllerPort}`,
    'log.dirs': dataDir,
    'num.partitions': 3,
    'default.replication.factor': 1,
    'min.insync.replicas': 1,
    'auto.create.topics.enable': false,
    'offsets.topic.replication.factor': 1,
    // Fewer internal partitions than the default 50: a single dev broker, and groups/transactions start sooner.
    'offsets.topic.num.partitions': 5,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 5,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    'group.initial.rebalance.delay.ms': 0,
    'num.network.threads': 2,
    'num.io.threads': 4,
  };
  const text = `# Generated by infra/lib/kafka.mjs on every start; edit that file instead.\n${Object.entries(properties)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')}\n`;
  fs.writeFileSync(propertiesFile, text);
  fs.writeFileSync(
    log4jFile,
    [
      'status = warn',
      'appender.stdout.type = Console',
      'appender.stdout.name = STDOUT',
      'appender.stdout.layout.type = PatternLayout',
      'appender.stdout.layout.pattern = [%d] %p %m (%c)%n',
      'rootLogger.level = INFO',
      'rootLogger.appenderRef.stdout.ref = STDOUT',
      // The full configuration dump (hundreds of lines per start) is left out; warnings about it still show.
      'logger.config.name = org.apache.kafka.common.config',
      'logger.config.level = WARN',
      'logger.authorizer.name = kafka.authorizer.logger',
      'logger.authorizer.level = WARN',
      '',
    ].join('\n'),
  );
}

/** Kafka's cluster ids are 16 random bytes in URL-safe base64 without padding, never starting with '-'. */
function clusterId() {
  try {
    const id = fs.readFileSync(clusterIdFile, 'utf8').trim();
    if (/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/.test(id)) return id;
  } catch {
    /* none yet */
  }
  let id;
  do id = randomBytes(16).toString('base64url');
  while (id.startsWith('-'));
  fs.writeFileSync(clusterIdFile, `${id}\n`);
  return id;
}

function formatStorage(log) {
  if (fs.existsSync(path.join(dataDir, 'meta.properties'))) return;
  const id = clusterId();
  log(`formatting storage in ${path.relative(projectRoot, dataDir)} (cluster id ${id})`);
  const result = spawnSync(
    'java',
    [...javaBase(), 'kafka.tools.StorageTool', 'format', '-t', id, '-c', propertiesFile],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  appendLog(`storage format\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  if (result.error || result.status !== 0) {
    throw new ComponentFailed(NAME, `storage format failed (${result.error?.message ?? `exit ${result.status}`})`);
  }
}

const { apiVersions, metadata, createTopics } = kafkaWireClient({ host, port });

/** Ready when the broker answers ApiVersions without error and lists itself in Metadata (registered, unfenced). */
async function ready() {
  try {
    if ((await apiVersions({ timeoutMs: 2000 })) !== 0) return false;
    const { brokers: list } = await metadata([], { timeoutMs: 2000 });
    return list.some((broker) => broker.nodeId === NODE_ID);
  } catch {
    return false;
  }
}

const TOPIC_ALREADY_EXISTS = 36;
const UNKNOWN_TOPIC_OR_PARTITION = 3;

async function ensureTopics(log) {
  const names = topics.map((t) => t.name);
  const existing = new Map((await metadata(names)).topics.filter((t) => t.errorCode === 0).map((t) => [t.name, t]));
  const missing = topics.filter((t) => !existing.has(t.name));
  for (const topic of topics) {
    const found = existing.get(topic.name);
    if (found && found.partitions.length !== topic.partitions) {
      log(
        `warning: topic ${topic.name} has ${found.partitions.length} partitions, expected ${topic.partitions} (left as is)`,
      );
    }
  }
  if (missing.length > 0) {
    const results = await createTopics(missing);
    const failed = results.filter((t) => t.errorCode !== 0 && t.errorCode !== TOPIC_ALREADY_EXISTS);
    if (failed.length > 0) {
      throw new Error(
        `could not create topics: ${failed.map((t) => `${t.name} (error ${t.errorCode}: ${t.errorMessage})`).join(', ')}`,
      );
    }
    log(`created topics ${missing.map((t) => `${t.name}(${t.partitions})`).join(', ')}`);
  }
  // Wait until every topic has a leader for each partition, so clients connecting right after `up` never see
  // LEADER_NOT_AVAILABLE.
  const deadline = Date.now() + 20000;
  for (;;) {
    const { topics: found } = await metadata(names);
    const pending = found.filter(
      (t) =>
        t.errorCode !== 0 || t.partitions.length === 0 || t.partitions.some((p) => p.errorCode !== 0 || p.leader < 0),
    );
    if (pending.length === 0) return;
    if (Date.now() > deadline) {
      const codes = pending.map(
        (t) => `${t.name} (error ${t.errorCode === UNKNOWN_TOPIC_OR_PARTITION ? 'unknown topic' : t.errorCode})`,
      );
      throw new Error(`topics without leaders after 20 s: ${codes.join(', ')}`);
    }
    await sleep(200);
  }
}

// ---------------------------------------------------------------------------------------------------------

function appendLog(text) {
  fs.mkdirSync(config.logDir, { recursive: true });
  fs.appendFileSync(logFile(NAME), `\n--- ${new Date().toISOString()} ${text}\n`);
}

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

export default {
  name: NAME,

  async install(log = () => {}) {
    if (installed()) return;
    requireCommand('java');
    requireCommand('mvn');
    const began = Date.now();
    log(`fetching Kafka ${kafkaVersion()} jars from Maven Central into ${path.relative(projectRoot, libsDir)}`);
    fs.rmSync(libsDir, { recursive: true, force: true });
    fs.rmSync(cdsArchive, { force: true });
    fs.mkdirSync(libsDir, { recursive: true });
    const args = ['-q', '-B', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${libsDir}`];
    if (process.env.INFRA_MAVEN_REPO) args.push(`-Dmaven.repo.local=${process.env.INFRA_MAVEN_REPO}`);
    const result = spawnSync('mvn', args, { encoding: 'utf8' });
    appendLog(`install: mvn ${args.join(' ')}\n${result.stdout ?? ''}${result.stderr ?? ''}`);
    if (result.error || result.status !== 0) {
      throw new ComponentFailed(NAME, `install failed: mvn ${result.error?.message ?? `exited ${result.status}`}`);
    }
    if (!fs.readdirSync(libsDir).some((file) => /^kafka_2\.13-.*\.jar$/.test(file))) {
      throw new ComponentFailed(NAME, `install failed: no kafka_2.13 jar in ${libsDir} after mvn`);
    }
    fs.writeFileSync(installedMarker, `${pomDigest()}\n`);
    log(`installed Kafka ${kafkaVersion()} in ${seconds(began)}`);
  },

  async start(log = () => {}) {
    if (isRunning(NAME)) {
      if (!(await ready())) {
        log('process is up but not answering yet; waiting');
        await waitUntil(NAME, ready, { timeoutMs: 60000 });
      }
      try {
        await ensureTopics(log);
      } catch (error) {
        throw new ComponentFailed(NAME, error.message);
      }
      log(`already running (pid ${readPid(NAME)}) on ${brokers()}`);
      return;
    }
    await requireFreePorts(this.ports());
    await this.install(log);
    writeConfig();
    formatStorage(log);
    const began = Date.now();
    log(`starting broker on ${brokers()}`);
    startDetached(NAME, 'java', [...cdsOptions(), ...javaBase(), 'kafka.Kafka', propertiesFile], { cwd: dir });
    try {
      await waitUntil(NAME, ready, { timeoutMs: 90000 });
      await ensureTopics(log);
    } catch (error) {
      const failure = error instanceof ComponentFailed ? error : new ComponentFailed(NAME, error.message);
      await stopRecorded(NAME, { graceMs: 5000 });
      throw failure;
    }
    log(`ready on ${brokers()} in ${seconds(began)} (pid ${readPid(NAME)})`);
  },

  ports() {
    return [
      [port, 'KAFKA_PORT'],
      [controllerPort, 'KAFKA_CONTROLLER_PORT'],
    ];
  },

  async stop(log = () => {}) {
    const began = Date.now();
    // SIGTERM makes the broker shut down cleanly (a few seconds); SIGKILL after 30 s.
    if (await stopRecorded(NAME, { graceMs: 30000 })) log(`stopped in ${seconds(began)}`);
    else log('was not running');
  },

  async status() {
    if (!isRunning(NAME)) return { running: false, detail: 'not running' };
    const pid = readPid(NAME);
    if (!(await ready())) return { running: false, detail: `pid ${pid} up but not answering on ${brokers()} yet` };
    return { running: true, detail: `Kafka ${kafkaVersion()} on ${brokers()}, pid ${pid}` };
  },

  env() {
    return { KAFKA_BROKERS: brokers() };
  },
};
