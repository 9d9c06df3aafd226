/** The Kafka consumer group (and inbox name) under which the permit authorities read registration.events. */
export const PERMITS_CONSUMER_GROUP = Symbol('PERMITS_CONSUMER_GROUP');
