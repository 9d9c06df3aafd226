import type { NextFunction, Request, Response } from 'express';

// No inline script or style anywhere in the portal: every script and style is a file under /assets.
export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Swagger UI (served by @nestjs/swagger) writes inline styles; its scripts are still files.
const DOCS_CSP = PORTAL_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

/**
 * Headers on every response, pages and API alike (OWASP ASVS 3.4): a CSP without inline script, no framing, no
 * MIME sniffing, no referrer leaving the site, and no caching of what may be personal.
 */
export function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  const docs = /^\/api\/docs(\/|$)/i.test(request.path);
  response.setHeader('Content-Security-Policy', docs ? DOCS_CSP : PORTAL_CSP);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (!/^\/assets\//.test(request.path)) response.setHeader('Cache-Control', 'no-store');
  next();
}
