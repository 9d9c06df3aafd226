/** The Kafka consumer group (and inbox name) under which the science commission reads registration.events. */
export const SCIENCE_CONSUMER_GROUP = Symbol('SCIENCE_CONSUMER_GROUP');
