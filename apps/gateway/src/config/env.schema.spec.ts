import { InvalidConfiguration } from '@govflow/config';
import { DEVELOPMENT_SIGNING_SECRET, loadGatewayConfig } from './env.schema';

describe(loadGatewayConfig.name, () => {
  const strongSecret = 'a-production-secret-with-more-than-32-characters';

  it('uses the development signing secret and port 3000 when nothing is set', () => {
    const config = loadGatewayConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      NODE_ENV: 'development',
      AUTH_TOKEN_TTL_SECONDS: 3600,
      GATEWAY_CONSUMER_GROUP: 'gateway',
    });
    expect(config.AUTH_SIGNING_SECRET).toBe(DEVELOPMENT_SIGNING_SECRET);
    expect(config.TEMPORAL_UI_URL).toBeUndefined();
  });

  it('refuses production without a signing secret', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'production' })).toThrow(
      /AUTH_SIGNING_SECRET: must be set when NODE_ENV is production/,
    );
  });

  it('refuses production with the development default secret', () => {
    const attempt = () =>
      loadGatewayConfig({ NODE_ENV: 'production', AUTH_SIGNING_SECRET: DEVELOPMENT_SIGNING_SECRET });
    expect(attempt).toThrow(/AUTH_SIGNING_SECRET: must not be the development default/);
  });

  it('refuses a short production secret without echoing it', () => {
    const attempt = () => loadGatewayConfig({ NODE_ENV: 'production', AUTH_SIGNING_SECRET: 'too-short-secret' });
    expect(attempt).toThrow(InvalidConfiguration);
    expect(attempt).toThrow(/AUTH_SIGNING_SECRET: must be at least 32 characters/);
    expect(attempt).not.toThrow(/too-short-secret/);
  });

  it('accepts production with a strong secret', () => {
    const config = loadGatewayConfig({ NODE_ENV: 'production', AUTH_SIGNING_SECRET: strongSecret });
    expect(config.AUTH_SIGNING_SECRET).toBe(strongSecret);
  });

  it('reads the Temporal UI address and refuses one that is not http(s)', () => {
    expect(loadGatewayConfig({ TEMPORAL_UI_URL: 'http://127.0.0.1:8233' }).TEMPORAL_UI_URL).toBe(
      'http://127.0.0.1:8233',
    );
    expect(() => loadGatewayConfig({ TEMPORAL_UI_URL: 'javascript:alert(1)' })).toThrow(
      /TEMPORAL_UI_URL: must be an http\(s\) URL/,
    );
  });

  it('reads the consumer group prefix and refuses one Kafka would not take', () => {
    expect(loadGatewayConfig({ GATEWAY_CONSUMER_GROUP: 'gateway-test.1' }).GATEWAY_CONSUMER_GROUP).toBe(
      'gateway-test.1',
    );
    expect(() => loadGatewayConfig({ GATEWAY_CONSUMER_GROUP: 'has spaces' })).toThrow(
      /GATEWAY_CONSUMER_GROUP: must be/,
    );
  });

  it('refuses production with an accelerated clock, naming GOVFLOW_TIME_SCALE', () => {
    const attempt = () =>
      loadGatewayConfig({ NODE_ENV: 'production', AUTH_SIGNING_SECRET: strongSecret, GOVFLOW_TIME_SCALE: '86400' });
    expect(attempt).toThrow(/GOVFLOW_TIME_SCALE: must be 1 when NODE_ENV is production/);
  });

  it('treats an empty secret as unset', () => {
    expect(loadGatewayConfig({ AUTH_SIGNING_SECRET: '' }).AUTH_SIGNING_SECRET).toBe(DEVELOPMENT_SIGNING_SECRET);
  });
});
