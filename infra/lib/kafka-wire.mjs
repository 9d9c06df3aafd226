// A minimal Kafka wire-protocol client for infra/ (Node built-ins only): request header v1, non-flexible
// request/response versions only — enough for readiness (ApiVersions, Metadata) and CreateTopics.
import net from 'node:net';

class Writer {
  parts = [];
  int8(v) {
    const b = Buffer.alloc(1);
    b.writeInt8(v);
    this.parts.push(b);
    return this;
  }
  int16(v) {
    const b = Buffer.alloc(2);
    b.writeInt16BE(v);
    this.parts.push(b);
    return this;
  }
  int32(v) {
    const b = Buffer.alloc(4);
    b.writeInt32BE(v);
    this.parts.push(b);
    return this;
  }
  string(s) {
    if (s === null) return this.int16(-1);
    const bytes = Buffer.from(s, 'utf8');
    this.int16(bytes.length);
    this.parts.push(bytes);
    return this;
  }
  array(items, each) {
    if (items === null) return this.int32(-1);
    this.int32(items.length);
    for (const item of items) each(this, item);
    return this;
  }
  buffer() {
    return Buffer.concat(this.parts);
  }
}

class Reader {
  constructor(buffer) {
    this.b = buffer;
    this.o = 0;
  }
  int8() {
    return this.b.readInt8((this.o += 1) - 1);
  }
  int16() {
    return this.b.readInt16BE((this.o += 2) - 2);
  }
  int32() {
    return this.b.readInt32BE((this.o += 4) - 4);
  }
  string() {
    const length = this.int16();
    if (length < 0) return null;
    const s = this.b.toString('utf8', this.o, this.o + length);
    this.o += length;
    return s;
  }
  array(each) {
    const n = this.int32();
    if (n < 0) return null;
    return Array.from({ length: n }, () => each(this));
  }
}

let correlation = 0;

export function kafkaWireClient({ host, port }) {
  /** Sends one request to the broker and returns a Reader positioned after the response header. */
  function request(apiKey, apiVersion, body, { timeoutMs = 5000 } = {}) {
    return new Promise((resolve, reject) => {
      const correlationId = (correlation = (correlation + 1) & 0x7fffffff);
      const payload = new Writer()
        .int16(apiKey)
        .int16(apiVersion)
        .int32(correlationId)
        .string('govflow-infra')
        .buffer();
      const message = Buffer.concat([payload, body]);
      const size = Buffer.alloc(4);
      size.writeInt32BE(message.length);
      const socket = net.connect({ host, port });
      let received = Buffer.alloc(0);
      let settled = false;
      const finish = (error, value) => {
        if (settled) return;
        settled = true;
        socket.destroy();
        if (error) reject(error);
        else resolve(value);
      };
      socket.setTimeout(timeoutMs, () => finish(new Error(`no answer to request ${apiKey} within ${timeoutMs} ms`)));
      socket.once('error', (error) => finish(error));
      socket.once('close', () => finish(new Error('connection closed before a response')));
      socket.once('connect', () => socket.write(Buffer.concat([size, message])));
      socket.on('data', (chunk) => {
        received = Buffer.concat([received, chunk]);
        if (received.length < 4 || received.length < 4 + received.readInt32BE(0)) return;
        const reader = new Reader(received.subarray(4, 4 + received.readInt32BE(0)));
        if (reader.int32() !== correlationId) finish(new Error('mismatched correlation id'));
        else finish(null, reader);
      });
    });
  }

  async function apiVersions(options) {
    const reader = await request(18, 0, Buffer.alloc(0), options);
    return reader.int16(); // error code
  }

  /** Metadata v4: brokers and, for the named topics (null = all), error code, partitions and their leaders. */
  async function metadata(topicNames, options) {
    const body = new Writer()
      .array(topicNames, (w, name) => w.string(name))
      .int8(0) // allow_auto_topic_creation = false
      .buffer();
    const r = await request(3, 4, body, options);
    r.int32(); // throttle_time_ms
    const brokerList = r.array((x) => ({ nodeId: x.int32(), host: x.string(), port: x.int32(), rack: x.string() }));
    r.string(); // cluster_id
    r.int32(); // controller_id
    const topicList = r.array((x) => ({
      errorCode: x.int16(),
      name: x.string(),
      internal: x.int8() !== 0,
      partitions: x.array((p) => {
        const partition = { errorCode: p.int16(), index: p.int32(), leader: p.int32() };
        partition.replicas = p.array((q) => q.int32());
        partition.isr = p.array((q) => q.int32());
        return partition;
      }),
    }));
    return { brokers: brokerList, topics: topicList };
  }

  /**
   * CreateTopics v2 (the lowest version Kafka 4 still accepts; Kafka 3.x accepts it too). Each topic:
   * { name, partitions, replicationFactor = 1, configs = {} } (configs not given keep the broker's defaults).
   */
  async function createTopics(list, timeoutMs = 15000) {
    const body = new Writer()
      .array(list, (w, topic) =>
        w
          .string(topic.name)
          .int32(topic.partitions)
          .int16(topic.replicationFactor ?? 1)
          .array([], () => {}) // assignments: none, the broker places partitions
          .array(Object.entries(topic.configs ?? {}), (c, [key, value]) => c.string(key).string(String(value))),
      )
      .int32(timeoutMs)
      .int8(0) // validate_only
      .buffer();
    const r = await request(19, 2, body, { timeoutMs: timeoutMs + 5000 });
    r.int32(); // throttle_time_ms
    return r.array((x) => ({ name: x.string(), errorCode: x.int16(), errorMessage: x.string() }));
  }

  return { apiVersions, metadata, createTopics };
}
