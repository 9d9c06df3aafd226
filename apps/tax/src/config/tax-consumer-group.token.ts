/** The Kafka consumer group (and inbox name) under which tax reads registration.events. */
export const TAX_CONSUMER_GROUP = Symbol('TAX_CONSUMER_GROUP');
