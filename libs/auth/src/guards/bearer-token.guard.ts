import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { AUTH_OPTIONS, type AuthOptions } from '../auth.options';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { attachActor } from '../request-actor';
import { AccessTokenService } from '../token/access-token.service';
import { InvalidAccessToken } from '../token/access-token';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Requires a valid bearer token on every route of a controller declared under the protected path, unless the
 * route is @Public(). It reads the controller's declared path rather than the request URL: Express matches routes
 * case-insensitively, so `/API/me` reaches the `api/me` controller and would slip past a prefix check on the URL.
 */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  private readonly protectedPath: string;

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    @Inject(AUTH_OPTIONS) options: AuthOptions,
  ) {
    this.protectedPath = trimSlashes(options.protectedPath ?? 'api');
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http' || !this.isProtected(context)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (!token) this.reject(http.getResponse(), 'missing bearer token: send "Authorization: Bearer <accessToken>"');
    try {
      attachActor(request, this.tokens.verify(token));
    } catch (error) {
      if (error instanceof InvalidAccessToken) this.reject(http.getResponse(), error.message);
      throw error;
    }
    return true;
  }

  private reject(response: Response, message: string): never {
    response.setHeader('WWW-Authenticate', 'Bearer realm="govflow"');
    throw new UnauthorizedException(message);
  }

  private isProtected(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return false;
    const declared = [this.reflector.get<string | string[] | undefined>(PATH_METADATA, context.getClass()) ?? '/'];
    return declared.flat().some((path) => {
      const normalized = trimSlashes(path).toLowerCase();
      return normalized === this.protectedPath || normalized.startsWith(`${this.protectedPath}/`);
    });
  }
}

const trimSlashes = (path: string) => path.replace(/^\/+|\/+$/g, '');
