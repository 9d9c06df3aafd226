import { spawn } from 'node:child_process';
import path from 'node:path';

export interface SchemathesisRun {
  /** The role's user, for the report. */
  username: string;
  /** Test cases Schemathesis generated and sent. */
  cases: number;
  /** Its failures by code and title, e.g. "ST202 Schema-valid request rejected: 2"; empty when it passed. */
  failures: string[];
  /** Its errors (a schema it cannot read, a crash), e.g. "Schema Error: 1". */
  errors: string[];
  exitCode: number;
  /** What it printed, for reading a failure. */
  output: string;
}

export interface SchemathesisOptions {
  schemathesis: string;
  baseUrl: string;
  username: string;
  token: string;
  seed: number;
  maxExamples: number;
  /** Seconds; the run stops generating when it is spent. */
  maxTime: number;
}

const projectRoot = path.resolve(__dirname, '..', '..');
// Operations that spend the token they are called with: the role's run would go on signed out.
const SPENDS_TOKEN = '^/api/auth/(logout|password)$';

/** Runs Schemathesis with all its checks over the gateway's document, signed in as one user. */
export function runSchemathesis(options: SchemathesisOptions): Promise<SchemathesisRun> {
  const args = [
    '--config-file',
    path.join('test', 'schemathesis', 'schemathesis.toml'),
    '--no-color',
    'run',
    `${options.baseUrl}/api/docs-json`,
    '--checks',
    'all',
    '--header',
    `Authorization: Bearer ${options.token}`,
    '--exclude-path-regex',
    SPENDS_TOKEN,
    '--seed',
    String(options.seed),
    '--max-examples',
    String(options.maxExamples),
    '--max-time',
    String(options.maxTime),
    '--workers',
    '1',
    '--request-timeout',
    '20',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(options.schemathesis, args, {
      cwd: projectRoot,
      env: { ...process.env, NO_COLOR: '1', SCHEMATHESIS_TELEMETRY: 'false' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ username: options.username, ...summaryOf(output), exitCode: code ?? -1 }));
  });
}

/** The counts of Schemathesis's summary ("Failures:", "Errors:", "Test cases: N generated, ..."). */
export function summaryOf(output: string): Omit<SchemathesisRun, 'username' | 'exitCode'> {
  const section = (title: string) => {
    const start = output.indexOf(`\n${title}:\n`);
    if (start < 0) return [];
    const lines: string[] = [];
    for (const line of output.slice(start + title.length + 3).split('\n')) {
      if (!/^\s{2}\S/.test(line)) break;
      lines.push(line.replace(/^\s*[^\w\s]+\s*/u, '').trim());
    }
    return lines;
  };
  const cases = /Test cases:\s*\n\s*(\d+) generated/.exec(output);
  return { cases: cases ? Number(cases[1]) : 0, failures: section('Failures'), errors: section('Errors'), output };
}
