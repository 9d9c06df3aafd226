import { Controller, ForbiddenException, Get, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { Actor } from '../actor';
import { Roles } from '../decorators/roles.decorator';
import { attachActor } from '../request-actor';
import { RolesGuard } from './roles.guard';

@Controller('api/audit')
@Roles('administrator')
class AuditController {
  @Get() trail() {}
  @Roles('administrator', 'registration-officer') @Get('cases') cases() {}
}

@Controller('api/me')
class MeController {
  @Get() me() {}
}

describe(RolesGuard.name, () => {
  const sut = new RolesGuard(new Reflector());
  const actor = (role: Actor['role']): Actor => ({ id: `id-${role}`, username: `a-${role}`, role, department: null });

  function canActivate(controller: new () => object, method: string, who?: Actor) {
    const request = {};
    if (who) attachActor(request, who);
    const handler = (controller.prototype as Record<string, () => void>)[method]!;
    const context = new ExecutionContextHost([request, {}], controller, handler);
    context.setType('http');
    return () => sut.canActivate(context);
  }

  it('admits an actor holding a required role', () => {
    expect(canActivate(AuditController, 'trail', actor('administrator'))()).toBe(true);
  });

  it('answers 403 to an actor with another role, naming the role required', () => {
    const attempt = canActivate(AuditController, 'trail', actor('registrant'));
    expect(attempt).toThrow(ForbiddenException);
    expect(attempt).toThrow('requires the role administrator; a-registrant is registrant');
  });

  it('lets a handler widen the roles of its controller', () => {
    expect(canActivate(AuditController, 'cases', actor('registration-officer'))()).toBe(true);
    expect(canActivate(AuditController, 'cases', actor('tax-officer'))).toThrow(ForbiddenException);
  });

  it('answers 401 when a role is required but nobody is authenticated', () => {
    expect(canActivate(AuditController, 'trail')).toThrow(UnauthorizedException);
  });

  it('does not interfere where no role is required', () => {
    expect(canActivate(MeController, 'me', actor('registrant'))()).toBe(true);
    expect(canActivate(MeController, 'me')()).toBe(true);
  });
});
