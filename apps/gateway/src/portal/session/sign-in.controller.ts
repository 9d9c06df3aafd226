import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Actor, AUTH_OPTIONS, type AuthOptions } from '@govflow/auth';
import { CLIENT_ADDRESS_HEADER, peerAddress, signedClientAddress } from '../../auth/throttle/client-address';
import { PageRenderer } from '../page-renderer';
import { PageErrorFilter } from '../page-error.filter';
import { PORTAL_PAGE_OPTIONS, type PortalPageOptions } from '../portal-page-options';
import { PortalApi } from '../portal-api';
import { PortalSessions } from './portal-session';

/** Where each kind of user starts. */
export function homeOf(actor: Actor): string {
  if (actor.role === 'registrant') return '/portal/cases';
  if (actor.role === 'administrator') return '/portal/admin';
  return '/portal/tasks';
}

// Only a path on this site: never another origin, nor a protocol-relative `//host`.
const localPath = (value: unknown) =>
  typeof value === 'string' && /^\/(?![/\\])[\w\-./?=&%:]*$/.test(value) ? value : undefined;

interface SignInForm {
  username?: string;
  password?: string;
  returnTo?: string;
  _csrf?: string;
}

@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller()
export class SignInController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
    @Inject(PORTAL_PAGE_OPTIONS) private readonly options: PortalPageOptions,
    @Inject(AUTH_OPTIONS) private readonly auth: AuthOptions,
  ) {}

  @Get('portal')
  home(@Req() request: Request, @Res() response: Response): void {
    response.redirect(303, homeOf(this.sessions.require(request).actor));
  }

  @Get('sign-in')
  form(@Req() request: Request, @Res() response: Response, @Query('returnTo') returnTo?: string): void {
    const session = this.sessions.find(request);
    if (session) return response.redirect(303, localPath(returnTo) ?? homeOf(session.actor));
    this.renderForm(request, response, { returnTo: localPath(returnTo) ?? '' });
  }

  @Post('sign-in')
  async signIn(@Req() request: Request, @Res() response: Response, @Body() form: SignInForm): Promise<void> {
    this.sessions.assertSignInCsrf(request, form._csrf);
    const username = (form.username ?? '').trim();
    const password = form.password ?? '';
    const errors = [
      ...(username ? [] : [{ field: 'username', message: '请输入用户名' }]),
      ...(password ? [] : [{ field: 'password', message: '请输入密码' }]),
    ];
    if (errors.length === 0) {
      const answer = await PortalApi.of(request).call<{ accessToken: string; expiresIn: number }>(
        'POST',
        '/api/auth/login',
        { username, password },
        { [CLIENT_ADDRESS_HEADER]: signedClientAddress(peerAddress(request), this.auth.signingSecret) },
      );
      if (answer.ok) {
        this.sessions.open(request, response, answer.body.accessToken, answer.body.expiresIn);
        const actor = this.sessions.actorOf(answer.body.accessToken);
        return response.redirect(303, localPath(form.returnTo) ?? (actor ? homeOf(actor) : '/portal'));
      }
      errors.push(
        answer.status === 401
          ? { field: 'username', message: '用户名或密码不正确' }
          : answer.status === 429
            ? { field: 'username', message: '登录失败次数过多，请稍后再试' }
            : { field: 'username', message: '暂时无法登录，请稍后再试' },
      );
    }
    response.status(400);
    this.renderForm(request, response, { returnTo: localPath(form.returnTo) ?? '', username, errors });
  }

  @Post('sign-out')
  async signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    const session = this.sessions.requireForm(request);
    // Revoked server-side, so a copy of the cookie is worthless too (ASVS 7.4.1).
    await PortalApi.of(request, session.accessToken).call('POST', '/api/auth/logout');
    this.sessions.close(request, response);
    response.redirect(303, '/sign-in?signedOut=1');
  }

  private renderForm(request: Request, response: Response, context: object): void {
    const csrfToken = this.sessions.signInCsrf(request, response);
    const signedOut = request.query.signedOut === '1';
    response.type('html').send(
      this.pages.render('portal/sign-in.njk', {
        csrfToken,
        signedOut,
        demoUsers: this.options.demoUsers,
        ...context,
      }),
    );
  }
}
