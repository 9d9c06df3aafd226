import { z } from 'zod';
import { InvalidConfiguration, loadEnv } from './env';
import { databaseUrl, kafkaBrokers, platformFields, port } from './fields';

describe(loadEnv.name, () => {
  const schema = z.object({ PORT: port(3000), DATABASE_URL: databaseUrl('tax'), ...platformFields });

  it('fills local defaults when nothing is set', () => {
    const env = loadEnv(schema, {});
    expect(env.PORT).toBe(3000);
    expect(env.KAFKA_BROKERS).toEqual(['127.0.0.1:19092']);
    expect(env.DATABASE_URL).toMatch(/\/tax$/);
  });

  it('names each bad variable with its reason and the value it got', () => {
    const attempt = () => loadEnv(schema, { PORT: 'eighty', KAFKA_BROKERS: 'localhost' });
    expect(attempt).toThrow(InvalidConfiguration);
    expect(attempt).toThrow(/PORT: must be a port number \(got "eighty"\)/);
    expect(attempt).toThrow(/KAFKA_BROKERS: must be host:port/);
  });

  it('refuses a port out of range', () => {
    expect(() => loadEnv(schema, { PORT: '70000' })).toThrow(/PORT: must be between 1 and 65535/);
  });

  it('splits a broker list', () => {
    expect(kafkaBrokers.parse('a:1, b:2')).toEqual(['a:1', 'b:2']);
  });

  it('never echoes the value of a secret', () => {
    const withSecret = schema.extend({ AUTH_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters') });
    const attempt = () => loadEnv(withSecret, { AUTH_SIGNING_SECRET: 'hunter2' });
    expect(attempt).toThrow(/AUTH_SIGNING_SECRET: must be at least 32 characters$/);
    expect(attempt).not.toThrow(/hunter2/);
  });

  it('never echoes the password inside a URL', () => {
    const attempt = () => loadEnv(schema, { DATABASE_URL: 'postgres://govflow:hunter2@db' });
    expect(attempt).toThrow(
      /DATABASE_URL: must be a postgres:\/\/ URL with a database name \(got "postgres:\/\/govflow:\*\*\*@db"\)/,
    );
    expect(attempt).not.toThrow(/hunter2/);
  });

  describe('GOVFLOW_TIME_SCALE', () => {
    it('runs the clock in real time unless told otherwise', () => {
      expect(loadEnv(schema, {}).GOVFLOW_TIME_SCALE).toBe(1);
    });

    it('takes a whole number of at least 1 outside production', () => {
      expect(loadEnv(schema, { GOVFLOW_TIME_SCALE: '86400' }).GOVFLOW_TIME_SCALE).toBe(86_400);
      expect(loadEnv(schema, { NODE_ENV: 'test', GOVFLOW_TIME_SCALE: '60' }).GOVFLOW_TIME_SCALE).toBe(60);
    });

    it.each(['0', '-5', '1.5', 'fast', ''])('refuses %p, naming the variable', (value) => {
      expect(() => loadEnv(schema, { GOVFLOW_TIME_SCALE: value })).toThrow(
        /GOVFLOW_TIME_SCALE: must be a whole number of at least 1/,
      );
    });

    it('refuses an accelerated clock in production, in one line naming the variable', () => {
      const attempt = () => loadEnv(schema, { NODE_ENV: 'production', GOVFLOW_TIME_SCALE: '86400' });
      expect(attempt).toThrow(InvalidConfiguration);
      expect(attempt).toThrow(
        /^Invalid configuration: GOVFLOW_TIME_SCALE: must be 1 when NODE_ENV is production.*"86400"\)$/,
      );
    });

    it('lets production run on real time', () => {
      expect(loadEnv(schema, { NODE_ENV: 'production', GOVFLOW_TIME_SCALE: '1' }).GOVFLOW_TIME_SCALE).toBe(1);
      expect(loadEnv(schema, { NODE_ENV: 'production' }).GOVFLOW_TIME_SCALE).toBe(1);
    });
  });
});
