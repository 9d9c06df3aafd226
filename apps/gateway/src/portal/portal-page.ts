import type { Request, Response } from 'express';
import { PageRenderer } from './page-renderer';
import { PortalApi } from './portal-api';
import { type PortalSession, PortalSessions } from './session/portal-session';

/** What every page handler starts from: the session, the API as this user, and a way to answer with a page. */
export interface PageContext {
  session: PortalSession;
  api: PortalApi;
  request: Request;
  render(template: string, context?: object, status?: number): void;
}

export function pageContext(
  pages: PageRenderer,
  sessions: PortalSessions,
  request: Request,
  response: Response,
  { form = false } = {},
): PageContext {
  const session = form ? sessions.requireForm(request) : sessions.require(request);
  return {
    session,
    request,
    api: PortalApi.of(request, session.accessToken),
    render(template, context = {}, status = 200) {
      response
        .status(status)
        .type('html')
        .setHeader('Cache-Control', 'no-store')
        .send(pages.render(template, { session, ...context }));
    },
  };
}
