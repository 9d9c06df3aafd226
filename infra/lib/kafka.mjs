// Local Apache Kafka in KRaft mode on loopback, for development and CI. By default one node that is broker and
// controller at once; KAFKA_BROKERS_COUNT=3 runs a cluster of three such combined nodes instead (see `nodes`).
// Jars come from Maven Central (infra/kafka/pom.xml) into .local/kafka/libs; each node runs as
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
const { port, controllerPort, dir, clusterDir, libsDir, brokersCount } = config.kafka;
const pom = path.join(projectRoot, 'infra', 'kafka', 'pom.xml');
const installedMarker = path.join(libsDir, '.installed');
const clustered = brokersCount > 1;
const MAX_BROKERS = 5; // KAFKA_BROKERS_COUNT's limit in config.mjs

/**
 * The nodes, numbered from 1 (their node.id). Each is broker and controller at once ("combined" mode), also in a
 * cluster: three controllers outside the brokers would be six JVMs on a 2-core dev machine, and the quorum of three
 * combined nodes still survives losing any one of them, which is what the fault suite kills. Kafka advises separate
 * controllers for production clusters, where a busy broker must not slow the quorum; this one is for dev and tests.
 */
const nodes = Array.from({ length: brokersCount }, (_, i) => {
  const nodeId = i + 1;
  const home = clustered ? path.join(clusterDir, `node-${nodeId}`) : dir;
  return Object.freeze({
    nodeId,
    name: clustered ? `${NAME}-${nodeId}` : NAME,
    home,
    dataDir: path.join(home, 'data'),
    propertiesFile: path.join(home, 'server.properties'),
    port: port + 2 * i,
    controllerPort: controllerPort + 2 * i,
  });
});
const log4jFile = path.join(clustered ? clusterDir : dir, 'log4j2.properties');
const clusterIdFile = path.join(clustered ? clusterDir : dir, 'cluster-id');

/** Replication: every partition on 3 brokers (or all, if fewer), and acks=all needs 2 of them in sync. */
const replicationFactor = Math.min(3, brokersCount);
const minInSyncReplicas = replicationFactor >= 3 ? 2 : 1;

/** The project's topics (libs/contracts/src/topics.json), created idempotently by `start` with these partition counts. */
export const topics = Object.freeze(
  JSON.parse(fs.readFileSync(path.join(projectRoot, 'libs', 'contracts', 'src', 'topics.json'), 'utf8')).map((t) =>
    Object.freeze({ name: t.name, partitions: t.partitions }),
  ),
);

/** A copy of the topic list ({ name, partitions }), for scripts and tests that create or check topics. */
export const getTopics = () => topics.map((topic) => ({ ...topic }));

/** The bootstrap list the apps get as KAFKA_BROKERS: every node's address, comma-separated. */
export const brokers = () => nodes.map((node) => `${host}:${node.port}`).join(',');

const cdsArchive = path.join(path.dirname(libsDir), 'kafka-cds.jsa');

/**
 * JVM options: small heap, serial GC and C1 only, which start fastest on a 2-core machine (about 3 s to ready
 * here, against 4.5-7 s with C2 or G1). KAFKA_JVM_OPTS replaces them.
 */
const jvmOptions = () =>
  process.env.KAFKA_JVM_OPTS?.trim()
    ? process.env.KAFKA_JVM_OPTS.trim().split(/\s+/)
    : [
        // Three brokers share the machine: a smaller heap each (a dev broker uses well under 200 MB).
        ...(clustered ? ['-Xms64m', '-Xmx256m'] : ['-Xms128m', '-Xmx512m']),
        '-XX:+UseSerialGC',
        '-XX:TieredStopAtLevel=1',
        '-Djava.awt.headless=true',
      ];
const javaBase = () => [...jvmOptions(), `-Dlog4j2.configurationFile=${log4jFile}`, '-cp', path.join(libsDir, '*')];

/**
 * Class-data sharing for the broker: the first run records the classes it loaded into an archive when it exits
 * (on `stop`), later runs map it and reach ready about 1.2 s sooner. The archive is dropped on every install;
 * a JVM that finds it stale (another JDK) ignores it. Not used when KAFKA_JVM_OPTS is set.
 */
const cdsOptions = (node) => {
  if (process.env.KAFKA_JVM_OPTS?.trim()) return [];
  // In a cluster only node 1 records the archive, so that two JVMs never write it at once.
  if (!fs.existsSync(cdsArchive) && node.nodeId !== 1) return [];
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

function writeConfig(node) {
  fs.mkdirSync(node.home, { recursive: true });
  const properties = {
    'process.roles': 'broker,controller',
    'node.id': node.nodeId,
    listeners: `PLAINTEXT://${host}:${node.port},CONTROLLER://${host}:${node.controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${host}:${node.port}`,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name': 'PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'controller.quorum.voters': nodes.map((n) => `${n.nodeId}@${host}:${n.controllerPort}`).join(','),
    'log.dirs': node.dataDir,
    'num.partitions': 3,
    // Also for topics the apps and tests create themselves (kafkajs admin without a replication factor).
    'default.replication.factor': replicationFactor,
    'min.insync.replicas': minInSyncReplicas,
    'auto.create.topics.enable': false,
    'offsets.topic.replication.factor': replicationFactor,
    // Fewer internal partitions than the default 50: a dev cluster, and groups/transactions start sooner.
    'offsets.topic.num.partitions': 5,
    'transaction.state.log.replication.factor': replicationFactor,
    'transaction.state.log.min.isr': minInSyncReplicas,
    'transaction.state.log.num.partitions': 5,
    'share.coordinator.state.topic.replication.factor': replicationFactor,
    'share.coordinator.state.topic.min.isr': minInSyncReplicas,
    'group.initial.rebalance.delay.ms': 0,
    'num.network.threads': 2,
    'num.io.threads': clustered ? 2 : 4,
    // A killed broker's partitions must not wait long for new leaders: the controller fences a broker whose
    // heartbeats stop for this long (default 9 s), and a restarted one takes its leaderships back soon.
    ...(clustered
      ? {
          'broker.heartbeat.interval.ms': 1000,
          'broker.session.timeout.ms': 4000,
          'leader.imbalance.check.interval.seconds': 10,
        }
      : {}),
  };
  const text = `# Generated by infra/lib/kafka.mjs on every start; edit that file instead.\n${Object.entries(properties)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')}\n`;
  fs.writeFileSync(node.propertiesFile, text);
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

function formatStorage(node, log) {
  if (fs.existsSync(path.join(node.dataDir, 'meta.properties'))) return;
  const id = clusterId();
  log(`formatting storage in ${path.relative(projectRoot, node.dataDir)} (cluster id ${id})`);
  const result = spawnSync(
    'java',
    [...javaBase(), 'kafka.tools.StorageTool', 'format', '-t', id, '-c', node.propertiesFile],
    {
      cwd: node.home,
      encoding: 'utf8',
    },
  );
  appendLog(node, `storage format\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  if (result.error || result.status !== 0) {
    throw new ComponentFailed(NAME, `storage format failed (${result.error?.message ?? `exit ${result.status}`})`);
  }
}

const clients = new Map(nodes.map((node) => [node.nodeId, kafkaWireClient({ host, port: node.port })]));
const clientOf = (node) => clients.get(node.nodeId);

/** Runs `ask` against the first node that answers it (in a cluster one may be down). */
async function anyNode(ask) {
  let lastError;
  for (const node of nodes) {
    try {
      return await ask(clientOf(node));
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
const metadata = (names, options) => anyNode((client) => client.metadata(names, options));

/** A node is ready when it answers ApiVersions without error and its Metadata lists it (registered, unfenced). */
async function nodeReady(node) {
  try {
    if ((await clientOf(node).apiVersions({ timeoutMs: 2000 })) !== 0) return false;
    const { brokers: list } = await clientOf(node).metadata([], { timeoutMs: 2000 });
    return list.some((broker) => broker.nodeId === node.nodeId);
  } catch {
    return false;
  }
}

/** Ready when every node is: in a cluster, each broker is registered with the quorum. */
async function ready() {
  return (await Promise.all(nodes.map(nodeReady))).every(Boolean);
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
    if (found && found.partitions.some((p) => p.replicas.length !== replicationFactor)) {
      log(`warning: topic ${topic.name} is not on ${replicationFactor} replicas (left as is)`);
    }
  }
  if (missing.length > 0) {
    const results = await clientOf(nodes[0]).createTopics(
      missing.map((t) => ({
        ...t,
        replicationFactor,
        configs: { 'min.insync.replicas': minInSyncReplicas },
      })),
    );
    const failed = results.filter((t) => t.errorCode !== 0 && t.errorCode !== TOPIC_ALREADY_EXISTS);
    if (failed.length > 0) {
      throw new Error(
        `could not create topics: ${failed.map((t) => `${t.name} (error ${t.errorCode}: ${t.errorMessage})`).join(', ')}`,
      );
    }
    const replicas = clustered ? `, ${replicationFactor} replicas, min.insync.replicas ${minInSyncReplicas}` : '';
    log(`created topics ${missing.map((t) => `${t.name}(${t.partitions})`).join(', ')}${replicas}`);
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

function appendLog(node, text) {
  fs.mkdirSync(config.logDir, { recursive: true });
  fs.appendFileSync(logFile(node.name), `\n--- ${new Date().toISOString()} ${text}\n`);
}

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const address = (node) => `${host}:${node.port}`;

/** Starts one node (its storage formatted once, its data kept across restarts) and waits until it is ready. */
async function startNode(node, log) {
  writeConfig(node);
  formatStorage(node, log);
  startDetached(node.name, 'java', [...cdsOptions(node), ...javaBase(), 'kafka.Kafka', node.propertiesFile], {
    cwd: node.home,
    component: NAME,
  });
  try {
    await waitUntil(node.name, () => nodeReady(node), { timeoutMs: 90000 });
  } catch (error) {
    const failure = error instanceof ComponentFailed ? error : new ComponentFailed(node.name, error.message);
    await stopRecorded(node.name, { graceMs: 5000 });
    throw failure;
  }
}

const nodePorts = (node) => [
  [node.port, 'KAFKA_PORT'],
  [node.controllerPort, 'KAFKA_CONTROLLER_PORT'],
];

function nodeAt(broker) {
  const node = nodes.find((n) => n.nodeId === broker);
  if (!node) throw new RangeError(`no Kafka broker ${broker}: brokers are numbered 1 to ${nodes.length}`);
  return node;
}

// ---------------------------------------------------------------------------------------------------------
// Faults: what the fault suite uses to take one broker away and bring it back (`node infra/dev.mjs kill-broker 2`
// does the same from a shell or a jest test, which cannot import this module).

/** Each broker (numbered from 1, its node.id) with its address, pid file name, pid and whether it runs. */
export function brokerProcesses() {
  return nodes.map((node) => {
    const pid = readPid(node.name);
    return {
      broker: node.nodeId,
      address: address(node),
      controllerPort: node.controllerPort,
      name: node.name,
      pid: isRunning(node.name) ? pid : undefined,
      running: isRunning(node.name),
      log: logFile(node.name),
    };
  });
}

/** SIGKILLs broker `broker` (1…KAFKA_BROKERS_COUNT) and waits until it is gone; its data stays. */
export async function killBroker(broker) {
  const node = nodeAt(broker);
  if (!isRunning(node.name)) throw new Error(`Kafka broker ${broker} is not running`);
  await stopRecorded(node.name, { signal: 'SIGKILL', graceMs: 10000 });
}

/** Starts broker `broker` again on its data and waits until it is registered with the quorum. */
export async function restartBroker(broker, log = () => {}) {
  const node = nodeAt(broker);
  if (isRunning(node.name)) throw new Error(`Kafka broker ${broker} is already running`);
  await requireFreePorts(nodePorts(node));
  const began = Date.now();
  await startNode(node, log);
  log(`broker ${broker} ready on ${address(node)} in ${seconds(began)} (pid ${readPid(node.name)})`);
}

/**
 * Partitions (of the named topics, or all) whose in-sync replicas are fewer than their replicas: after a restart,
 * the fault suite waits for none before it kills the next broker, or it would take a second copy away.
 */
export async function underReplicatedPartitions(topicNames = null) {
  const { topics: found } = await metadata(topicNames);
  return found.flatMap((t) =>
    t.partitions.filter((p) => p.isr.length < p.replicas.length).map((p) => `${t.name}[${p.index}]`),
  );
}

/** Waits until every partition has all its replicas in sync again. */
export async function waitForInSyncReplicas({ topics: topicNames = null, timeoutMs = 60000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let lagging;
    try {
      lagging = await underReplicatedPartitions(topicNames);
    } catch (error) {
      lagging = [error.message];
    }
    if (lagging.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`replicas still out of sync after ${timeoutMs} ms: ${lagging.slice(0, 5).join(', ')}`);
    }
    await sleep(250);
  }
}

// ---------------------------------------------------------------------------------------------------------

const runningNodes = () => nodes.filter((node) => isRunning(node.name));
const describeNodes = () =>
  clustered
    ? `${nodes.length} brokers on ${brokers()}, pids ${nodes.map((n) => readPid(n.name) ?? '-').join(' ')}`
    : `${brokers()}, pid ${readPid(NAME)}`;

export default {
  name: NAME,

  /** Whether any of its processes runs (dev.mjs leaves the ports of a running server alone). */
  isRunning: () => runningNodes().length > 0,

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
    appendLog(nodes[0], `install: mvn ${args.join(' ')}\n${result.stdout ?? ''}${result.stderr ?? ''}`);
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
    const stopped = nodes.filter((node) => !isRunning(node.name));
    if (stopped.length === 0) {
      if (!(await ready())) {
        log('process is up but not answering yet; waiting');
        await Promise.all(nodes.map((node) => waitUntil(node.name, () => nodeReady(node), { timeoutMs: 60000 })));
      }
      try {
        await ensureTopics(log);
      } catch (error) {
        throw new ComponentFailed(NAME, error.message);
      }
      log(`already running on ${describeNodes()}`);
      return;
    }
    await requireFreePorts(this.ports());
    await this.install(log);
    const began = Date.now();
    log(`starting ${clustered ? `brokers ${stopped.map((n) => n.nodeId).join(', ')}` : 'broker'} on ${brokers()}`);
    // A cluster's nodes start together: each waits for a quorum of controllers before it is ready.
    const results = await Promise.allSettled(stopped.map((node) => startNode(node, log)));
    const failure = results.find((r) => r.status === 'rejected')?.reason;
    try {
      if (failure) throw failure;
      await ensureTopics(log);
    } catch (error) {
      await Promise.all(stopped.map((node) => stopRecorded(node.name, { graceMs: 5000 })));
      throw error instanceof ComponentFailed ? error : new ComponentFailed(NAME, error.message);
    }
    log(`ready on ${describeNodes()} in ${seconds(began)}`);
  },

  /** The ports of the nodes not running (those running hold theirs). */
  ports() {
    return nodes.filter((node) => !isRunning(node.name)).flatMap(nodePorts);
  },

  async stop(log = () => {}) {
    const began = Date.now();
    // SIGTERM makes a broker shut down cleanly (a few seconds); SIGKILL after 30 s. Every pid file of either
    // shape, so `npm run stop` without KAFKA_BROKERS_COUNT still stops a cluster started with it (and the reverse).
    const names = [NAME, ...Array.from({ length: MAX_BROKERS }, (_, i) => `${NAME}-${i + 1}`)];
    const stopped = await Promise.all(names.map((name) => stopRecorded(name, { graceMs: 30000 })));
    if (stopped.some(Boolean)) log(`stopped in ${seconds(began)}`);
    else log('was not running');
  },

  async status() {
    const up = runningNodes();
    if (up.length === 0) return { running: false, detail: 'not running' };
    if (up.length < nodes.length) {
      const down = nodes.filter((n) => !up.includes(n)).map((n) => n.nodeId);
      return {
        running: false,
        detail: `broker ${down.join(', ')} of ${nodes.length} not running (${describeNodes()})`,
      };
    }
    if (!(await ready())) return { running: false, detail: `up but not answering on ${brokers()} yet` };
    return { running: true, detail: `Kafka ${kafkaVersion()} on ${describeNodes()}` };
  },

  env() {
    return { KAFKA_BROKERS: brokers() };
  },
};
