import type { Request } from 'express';
import type { FieldError } from '../http/api-error';

/** What an API call answered: the body when it succeeded, the errors in the API's shape when it did not. */
export type ApiAnswer<T> = { ok: true; status: number; body: T } | { ok: false; status: number; errors: FieldError[] };

/** A call the page cannot go on without failed: the page filter shows it as a plain message. */
export class ApiCallFailed extends Error {
  constructor(
    readonly status: number,
    readonly errors: FieldError[],
  ) {
    super(errors.map((e) => e.message).join('; ') || `HTTP ${status}`);
  }
}

/** The gateway's own address as the request reached it, so the pages call the API exactly as any client does. */
function ownAddress(request: Request): string {
  const raw = (request.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const host = raw.includes(':') ? `[${raw}]` : raw;
  return `http://${host}:${request.socket.localPort}`;
}

/**
 * The public REST API over loopback HTTP with the session's bearer token. The pages read and change nothing the API
 * does not offer, and every rule (roles, four-eyes, validation) is applied once, by the API.
 */
export class PortalApi {
  private constructor(
    private readonly baseUrl: string,
    private readonly accessToken?: string,
  ) {}

  static of(request: Request, accessToken?: string): PortalApi {
    return new PortalApi(ownAddress(request), accessToken);
  }

  get url(): string {
    return this.baseUrl;
  }

  async call<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (response.ok) return { ok: true, status: response.status, body: parsed as T };
    const errors = (parsed as { errors?: FieldError[] } | undefined)?.errors ?? [];
    return { ok: false, status: response.status, errors };
  }

  /** GET that must succeed for the page to render. */
  async read<T>(path: string): Promise<T> {
    const answer = await this.call<T>('GET', path);
    if (!answer.ok) throw new ApiCallFailed(answer.status, answer.errors);
    return answer.body;
  }

  /** Opens a server-sent event stream of the API, resuming after `lastEventId`. */
  stream(path: string, lastEventId: string | undefined, signal: AbortSignal): Promise<globalThis.Response> {
    return fetch(`${this.baseUrl}${path}`, {
      headers: {
        accept: 'text/event-stream',
        ...(this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {}),
        ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
      },
      signal,
    });
  }
}
