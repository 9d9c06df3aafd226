import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../actor';
import { REQUIRED_ROLES } from '../decorators/roles.decorator';
import { actorOf } from '../request-actor';

/** Enforces @Roles(...): runs after BearerTokenGuard has attached the actor. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required?.length) return true;
    const actor = actorOf(context.switchToHttp().getRequest<object>());
    if (!actor) throw new UnauthorizedException('authentication required');
    if (!required.includes(actor.role)) {
      throw new ForbiddenException(`requires the role ${required.join(' or ')}; ${actor.username} is ${actor.role}`);
    }
    return true;
  }
}
