export const CONSUMER_GROUP = Symbol('CONSUMER_GROUP');
