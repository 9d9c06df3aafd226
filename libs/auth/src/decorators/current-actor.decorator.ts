import { createParamDecorator, type ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { actorOf } from '../request-actor';

/** The authenticated actor of the request; use only on routes the bearer token guard protects. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const actor = actorOf(context.switchToHttp().getRequest<object>());
  if (!actor) throw new UnauthorizedException('authentication required');
  return actor;
});
