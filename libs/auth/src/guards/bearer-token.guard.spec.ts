import { Controller, Get, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { Actor } from '../actor';
import type { AuthOptions } from '../auth.options';
import { Public } from '../decorators/public.decorator';
import { actorOf } from '../request-actor';
import { AccessTokenService } from '../token/access-token.service';
import { signAccessToken } from '../token/access-token';
import { BearerTokenGuard } from './bearer-token.guard';

@Controller('api/cases')
class CasesController {
  @Get() list() {}
  @Public() @Get('open-data') openData() {}
}

@Controller('/API/Reports/')
class ReportsController {
  @Get() list() {}
}

@Controller('health')
class HealthController {
  @Get() check() {}
}

@Controller('apiary')
class ApiaryController {
  @Get() list() {}
}

describe(BearerTokenGuard.name, () => {
  const options: AuthOptions = {
    signingSecret: 'a-test-signing-secret-of-at-least-32-characters',
    tokenTtlSeconds: 60,
  };
  const tokens = new AccessTokenService(options);
  const sut = new BearerTokenGuard(new Reflector(), tokens, options);
  const registrant: Actor = { id: 'u-7', username: 'registrant1', role: 'registrant', department: null };

  function call(controller: new () => object, method: string, authorization?: string) {
    const request = { headers: authorization ? { authorization } : {} };
    const headers: Record<string, string> = {};
    const response = { setHeader: (name: string, value: string) => (headers[name] = value) };
    const handler = (controller.prototype as Record<string, () => void>)[method]!;
    const context = new ExecutionContextHost([request, response], controller, handler);
    context.setType('http');
    return { attempt: () => sut.canActivate(context), request, headers };
  }

  it('lets a valid token through and attaches its actor to the request', () => {
    const { attempt, request } = call(CasesController, 'list', `Bearer ${tokens.issue(registrant).accessToken}`);
    expect(attempt()).toBe(true);
    expect(actorOf(request)).toEqual(registrant);
  });

  it('answers 401 with a WWW-Authenticate challenge when the token is missing', () => {
    const { attempt, headers } = call(CasesController, 'list');
    expect(attempt).toThrow(
      new UnauthorizedException('missing bearer token: send "Authorization: Bearer <accessToken>"'),
    );
    expect(headers['WWW-Authenticate']).toBe('Bearer realm="govflow"');
  });

  it.each(['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer not-a-token', 'Bearer a.b.c'])('answers 401 for %j', (header) => {
    expect(call(CasesController, 'list', header).attempt).toThrow(UnauthorizedException);
  });

  it('answers 401 for an expired token, saying so', () => {
    const expired = signAccessToken(registrant, {
      secret: options.signingSecret,
      ttlSeconds: 60,
      now: new Date(Date.now() - 3_600_000),
    });
    expect(call(CasesController, 'list', `Bearer ${expired}`).attempt).toThrow('access token has expired');
  });

  it('protects a controller declared under the protected path in any case or slashes', () => {
    expect(call(ReportsController, 'list').attempt).toThrow(UnauthorizedException);
  });

  it('lets @Public() routes and routes outside the protected path through without a token', () => {
    expect(call(CasesController, 'openData').attempt()).toBe(true);
    expect(call(HealthController, 'check').attempt()).toBe(true);
    expect(call(ApiaryController, 'list').attempt()).toBe(true);
  });
});
