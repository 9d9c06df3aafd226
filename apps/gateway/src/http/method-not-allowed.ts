import type { NextFunction, Request, Response } from 'express';

type OpenApiPaths = Record<string, Record<string, unknown>>;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
// Never offered anywhere: TRACE echoes the request (cross-site tracing), CONNECT tunnels.
const NEVER = new Set(['TRACE', 'TRACK', 'CONNECT']);

const templateToRegExp = (template: string) =>
  new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}/]+\}/g, '[^/]+')}/?$`, 'i');

/**
 * Answers 405 with an Allow header, in the API's error shape, to a method the OpenAPI document does not declare for
 * a documented path (and to TRACE, TRACK and CONNECT everywhere), instead of a 404 that says the path is unknown.
 */
export function methodNotAllowed(paths: OpenApiPaths) {
  const routes = Object.entries(paths).map(([template, operations]) => {
    const methods = Object.keys(operations)
      .filter((method) => HTTP_METHODS.includes(method))
      .map((method) => method.toUpperCase());
    if (methods.includes('GET')) methods.push('HEAD');
    return { pattern: templateToRegExp(template), methods: [...new Set(methods)] };
  });
  return (request: Request, response: Response, next: NextFunction): void => {
    const method = request.method.toUpperCase();
    const matching = routes.filter((route) => route.pattern.test(request.path));
    const allowed = [...new Set(matching.flatMap((route) => route.methods))];
    if (!NEVER.has(method) && (matching.length === 0 || allowed.includes(method))) return next();
    if (allowed.length) response.setHeader('Allow', allowed.join(', '));
    response.status(405).json({ errors: [{ field: null, message: `method ${method} is not allowed here` }] });
  };
}
