import { crashableServers, killableKinds, killSchedule, seededRandom } from './chaos-driver';

describe('the chaos driver', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('crashes only the servers this run started, and one broker at a time on a Kafka cluster', () => {
    process.env.GOVFLOW_FAULTS_SERVERS = 'postgres,kafka';
    delete process.env.KAFKA_BROKERS_COUNT;
    expect(crashableServers()).toEqual(['kafka', 'postgres']);
    process.env.KAFKA_BROKERS_COUNT = '3';
    expect(crashableServers()).toEqual(['kafka-broker', 'postgres']);
    process.env.GOVFLOW_FAULTS_SERVERS = '';
    expect(crashableServers()).toEqual([]);
  });

  it('narrows the kinds to FAULT_KINDS and names what it cannot kill', () => {
    process.env.GOVFLOW_FAULTS_SERVERS = 'kafka,postgres,temporal';
    process.env.KAFKA_BROKERS_COUNT = '3';
    expect(killableKinds('kafka-broker, gateway')).toEqual(['gateway', 'kafka-broker']);
    expect(killableKinds()).toHaveLength(9);
    expect(() => killableKinds('kafka')).toThrow('FAULT_KINDS: cannot kill kafka here');
  });

  it('kills every kind once per round, in an order its seed replays', () => {
    const kinds = killableKinds('gateway,tax,registration');
    const first = killSchedule(kinds, 3, seededRandom(7));
    expect(first).toEqual(killSchedule(kinds, 3, seededRandom(7)));
    for (let round = 0; round < 3; round++)
      expect([...first.slice(round * 3, round * 3 + 3)].sort()).toEqual(['gateway', 'registration', 'tax']);
  });
});
