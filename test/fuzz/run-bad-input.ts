import fc from 'fast-check';
import { badRequests, type BadRequest } from './bad-requests';
import { type Operation, operationsOf } from './openapi-operations';
import { StateFingerprint } from './state-fingerprint';

export interface BadInputOptions {
  baseUrl: string;
  databaseUrls: string[];
  requests: number;
  seed: number;
  /** A fresh access token of a user of each role; called again for operations that spend the token (sign-out). */
  tokenOf: (username: string) => Promise<string>;
  usernames: string[];
  /** Called with one line per request, for following a run (GOVFLOW_FUZZ_TRACE names a file in the spec). */
  trace?: (line: string) => void;
}

export interface Finding {
  operation: string;
  kind: string;
  field?: string;
  path: string;
  status: number;
  problem: string;
  answer: string;
}

export interface BadInputReport {
  requests: number;
  endpoints: number;
  status5xx: number;
  wrongShape: number;
  stateChanged: number;
  seed: number;
}

// After an accepted change, workflows and read models may still be writing: refused requests are not judged by the
// fingerprint until this long after the last one.
const SETTLE_MS = 10_000;
const FIELD_KINDS = new Set(['wrong-value', 'missing-field', 'path-parameter', 'query-parameter', 'header-parameter']);

const isErrorShape = (body: unknown): body is { errors: { field: string | null; message: string }[] } =>
  !!body &&
  typeof body === 'object' &&
  Array.isArray((body as { errors?: unknown }).errors) &&
  (body as { errors: unknown[] }).errors.length > 0 &&
  (body as { errors: unknown[] }).errors.every(
    (e) =>
      !!e &&
      typeof e === 'object' &&
      typeof (e as { message?: unknown }).message === 'string' &&
      ((e as { field?: unknown }).field === null || typeof (e as { field?: unknown }).field === 'string'),
  );

/**
 * Sends `requests` generated bad requests, spread evenly over every operation of the gateway's OpenAPI document,
 * one at a time, and judges each answer: below 500; every refusal in the {errors:[{field,message}]} shape, a 400
 * for a wrong field naming a field; a refused request changing no table.
 */
export async function runBadInput(options: BadInputOptions): Promise<{ report: BadInputReport; findings: Finding[] }> {
  const document = (await (await fetch(`${options.baseUrl}/api/docs-json`)).json()) as Parameters<
    typeof operationsOf
  >[0];
  const operations = operationsOf(document);
  const perOperation = Math.ceil(options.requests / operations.length);
  const plans = operations.map((operation, index) => ({
    operation,
    requests: fc.sample(badRequests(operation), { seed: options.seed + index, numRuns: perOperation }),
  }));
  const fingerprint = new StateFingerprint(options.databaseUrls);
  const tokens = new Map<string, string>();
  for (const username of options.usernames) tokens.set(username, await options.tokenOf(username));
  const findings: Finding[] = [];
  const report: BadInputReport = {
    requests: 0,
    endpoints: operations.length,
    status5xx: 0,
    wrongShape: 0,
    stateChanged: 0,
    seed: options.seed,
  };
  let lastAcceptedChange = 0;
  const denied = new Map<string, Set<string>>();
  try {
    await quiet(fingerprint);
    for (let round = 0; round < perOperation && report.requests < options.requests; round++) {
      for (const { operation, requests } of plans) {
        if (report.requests >= options.requests) break;
        const request = requests[round]!;
        // Users the operation refused (403) are not asked again: the bad input should reach validation.
        const refused = denied.get(operation.id) ?? new Set<string>();
        const candidates = options.usernames.filter((name) => !refused.has(name));
        const pool = candidates.length ? candidates : options.usernames;
        const username = pool[round % pool.length]!;
        const token = spendsToken(operation) ? await options.tokenOf(username) : tokens.get(username)!;
        const judgeState = request.method !== 'GET' && Date.now() - lastAcceptedChange > SETTLE_MS;
        const before = judgeState ? await fingerprint.take() : undefined;
        const started = Date.now();
        const answer = await send(options.baseUrl, request, operation.secured ? token : undefined);
        report.requests++;
        options.trace?.(
          `${operation.id} ${request.kind} ${request.field ?? ''} -> ${answer.status} in ${Date.now() - started} ms`,
        );
        const problem = judge(request, answer);
        const finding = (what: string) =>
          findings.push({
            operation: operation.id,
            kind: request.kind,
            field: request.field,
            path: request.path.slice(0, 200),
            status: answer.status,
            problem: what,
            answer: answer.text.slice(0, 300),
          });
        if (answer.status >= 500) {
          report.status5xx++;
          finding('5xx');
        } else if (problem) {
          report.wrongShape++;
          finding(problem);
        }
        if (answer.status < 400 && request.method !== 'GET') lastAcceptedChange = Date.now();
        if (answer.status === 403) denied.set(operation.id, new Set([...refused, username]));
        if (before !== undefined && answer.status >= 400) {
          const after = await fingerprint.take();
          // Still moving with no request in flight: background work (a workflow, a read model) — not this request's.
          if (after !== before && (await settled(fingerprint, after))) {
            report.stateChanged++;
            finding(`state changed by a refused request: ${changedTables(before, after)}`);
          }
        }
      }
    }
  } finally {
    await fingerprint.close();
  }
  return { report, findings };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function settled(fingerprint: StateFingerprint, state: string): Promise<boolean> {
  await sleep(500);
  return (await fingerprint.take()) === state;
}

/** Waits until nothing has changed for 2 s (at most 60 s), so background work does not pass for a request's. */
async function quiet(fingerprint: StateFingerprint): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last = await fingerprint.take();
  while (Date.now() < deadline) {
    await sleep(2_000);
    const now = await fingerprint.take();
    if (now === last) return;
    last = now;
  }
}

const changedTables = (before: string, after: string) => {
  const was = new Set(before.split(/[,;]/));
  return after
    .split(/[,;]/)
    .filter((entry) => !was.has(entry))
    .join(', ');
};

const spendsToken = (operation: Operation) => /\/logout$|\/password$/.test(operation.path);

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

async function send(baseUrl: string, request: BadRequest, token?: string): Promise<Answer> {
  try {
    return await sendOnce(baseUrl, request, token);
  } catch (error) {
    // No answer at all (a hang, a dropped connection) is a server failure as much as a 500.
    return { status: 599, contentType: '', text: `no answer: ${String(error)}` };
  }
}

async function sendOnce(baseUrl: string, request: BadRequest, token?: string): Promise<Answer> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error('no answer in 15 s')), 15_000);
  try {
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: { ...request.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: request.method === 'GET' ? undefined : request.body,
      redirect: 'manual',
      signal: abort.signal,
    });
    const contentType = response.headers.get('content-type') ?? '';
    // A live stream (server-sent events) never ends: its status and type are the answer; hang up.
    if (contentType.startsWith('text/event-stream')) {
      abort.abort();
      return { status: response.status, contentType, text: '' };
    }
    return { status: response.status, contentType, text: await response.text() };
  } finally {
    clearTimeout(timer);
  }
}

function judge(request: BadRequest, answer: Answer): string | undefined {
  if (answer.status < 400) return undefined;
  if (!/^application\/json/.test(answer.contentType))
    return `error answered as ${answer.contentType || 'no content type'}`;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return 'error body is not JSON';
  }
  if (!isErrorShape(body)) return 'error body is not {errors:[{field,message}]}';
  if (/\bat [\w.<>]+ \(|node_modules|\bSELECT\b|\bINSERT INTO\b|violates .* constraint/.test(answer.text)) {
    return 'error body shows a stack trace or SQL';
  }
  if (
    answer.status === 400 &&
    request.field &&
    FIELD_KINDS.has(request.kind) &&
    body.errors.every((e) => e.field === null)
  ) {
    return `400 names no field (the request got ${request.field} wrong)`;
  }
  return undefined;
}
