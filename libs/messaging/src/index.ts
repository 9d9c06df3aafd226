export { createKafka } from './kafka';
