import type { Actor } from './actor';

// Keyed by the request object itself, so nothing is added to Express's request type.
const actors = new WeakMap<object, Actor>();

export const attachActor = (request: object, actor: Actor): void => void actors.set(request, actor);

export const actorOf = (request: object): Actor | undefined => actors.get(request);
