/**
 * A portal client for a system under fire: it retries what a real client would (the gateway down, a 5xx while a
 * service restarts, a token the restarted gateway no longer knows), and counts every 5xx it saw, by route.
 */
export class PatientClient {
  private token?: string;

  constructor(
    private readonly baseUrl: string,
    readonly username: string,
    private readonly serverErrors: Map<string, number>,
    /** What the chaos driver is doing now, to tell which fault a 5xx came with. */
    private readonly fault: { now: string } = { now: '' },
  ) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    give: { upMs?: number; accept?: (status: number) => boolean } = {},
  ): Promise<{ status: number; body: T }> {
    const deadline = Date.now() + (give.upMs ?? 600_000);
    const accept = give.accept ?? ((status: number) => status > 0 && status < 500 && status !== 401);
    for (let attempt = 0; ; attempt++) {
      const answer = await this.once<T>(method, path, body, headers).catch((error: unknown) => ({
        status: 0,
        body: String(error) as T,
      }));
      if (accept(answer.status)) return answer;
      if (answer.status >= 500) {
        const route = `${method} ${path.replace(/[0-9a-f-]{36}/g, ':id').replace(/\?.*/, '')} ${answer.status} ${this.fault.now}`;
        this.serverErrors.set(route, (this.serverErrors.get(route) ?? 0) + 1);
      }
      if (answer.status === 401) this.token = undefined;
      if (Date.now() > deadline)
        throw new Error(
          `${this.username} ${method} ${path}: gave up, last ${answer.status} ${JSON.stringify(answer.body)}`,
        );
      await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 100 * 2 ** Math.min(attempt, 5))));
    }
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = unknown>(path: string, body: unknown = {}, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }

  private async once<T>(method: string, path: string, body: unknown, headers: Record<string, string>) {
    this.token ??= await this.login();
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        authorization: `Bearer ${this.token}`,
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // a proxy's or a dying server's plain-text answer: kept as text
    }
    return { status: response.status, body: parsed as T };
  }

  private async login(): Promise<string> {
    const response = await fetch(`${this.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: this.username, password: 'demo' }),
      signal: AbortSignal.timeout(30_000),
    });
    if (response.status >= 500) {
      const route = `POST /api/auth/login ${response.status} ${this.fault.now}`;
      this.serverErrors.set(route, (this.serverErrors.get(route) ?? 0) + 1);
    }
    if (response.status !== 200) throw new Error(`login ${this.username}: ${response.status}`);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }
}
