import { request } from 'node:http';
import { bootGateway, type BootedGateway } from '../testing/booted-gateway';

jest.setTimeout(120_000);

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'];

interface Answer {
  status: number;
  allow?: string;
  contentType?: string;
  body: string;
}

// Through node:http, not fetch: fetch refuses to send TRACE at all.
function send(base: string, method: string, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const call = request(`${base}${path}`, { method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          allow: response.headers.allow,
          contentType: response.headers['content-type'],
          body,
        }),
      );
    });
    call.on('error', reject);
    call.end();
  });
}

// Schemathesis's unsupported_method check: a method a documented path does not declare is a 405 with Allow, never
// the 404 of an unknown path; TRACE (cross-site tracing) on every path.
describe('methods the OpenAPI document does not declare', () => {
  let gateway: BootedGateway;
  let base: string;
  let paths: Record<string, Record<string, unknown>>;

  beforeAll(async () => {
    gateway = await bootGateway();
    base = await gateway.app.getUrl();
    paths = ((await (await fetch(`${base}/api/docs-json`)).json()) as { paths: typeof paths }).paths;
  });
  afterAll(() => gateway?.close());

  it('answers each with 405, the declared methods in Allow, in the error shape, on every documented path', async () => {
    const wrong: string[] = [];
    for (const [template, operations] of Object.entries(paths)) {
      const path = template.replace(/\{[^}]+\}/g, 'x');
      const declared = Object.keys(operations).map((method) => method.toUpperCase());
      const allowed = new Set(declared.includes('GET') ? [...declared, 'HEAD'] : declared);
      for (const method of METHODS.filter((m) => !allowed.has(m))) {
        const answer = await send(base, method, path);
        const problems = [
          answer.status === 405 ? '' : `status ${answer.status}`,
          new Set(answer.allow?.split(', ')).size === allowed.size &&
          answer.allow?.split(', ').every((m) => allowed.has(m))
            ? ''
            : `Allow ${answer.allow}`,
          method === 'HEAD' ||
          answer.body === JSON.stringify({ errors: [{ field: null, message: `method ${method} is not allowed here` }] })
            ? ''
            : `body ${answer.body.slice(0, 100)}`,
        ].filter(Boolean);
        if (problems.length) wrong.push(`${method} ${template}: ${problems.join(', ')}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(Object.keys(paths).length).toBeGreaterThan(50);
  });

  it('answers TRACE with 405 where no path is documented too', async () => {
    const answer = await send(base, 'TRACE', '/no/such/path');
    expect(answer.status).toBe(405);
    expect(JSON.parse(answer.body)).toEqual({ errors: [{ field: null, message: 'method TRACE is not allowed here' }] });
  });
});
