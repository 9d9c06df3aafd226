// npm run test:kafka-cluster: the 3-broker Kafka test, which starts its own cluster and takes about three minutes,
// too long for npm test. The integration project's settings, with only *.cluster-spec.ts files.
const base = require('./jest.config');

const integration = base.projects.find((project) => project.displayName === 'integration');

module.exports = {
  ...integration,
  rootDir: __dirname,
  displayName: 'kafka-cluster',
  testMatch: ['**/*.cluster-spec.ts'],
  testTimeout: 300000,
};
