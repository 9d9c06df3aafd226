// What must never be in a log: resident ID numbers in full, access tokens, the demo password sent in a body.
const PATTERNS: { what: string; pattern: RegExp }[] = [
  { what: 'ID number', pattern: /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/ },
  { what: 'access token', pattern: /eyJ[\w-]*\.eyJ[\w-]*\.[\w-]+/ },
  { what: 'password', pattern: /"password"\s*:\s*"(?!\[redacted\])/ },
];

export interface Leak {
  app: string;
  what: string;
  line: string;
}

/** Every log line of the run that holds personal data or a secret. */
export function scanLogs(outputs: Record<string, string>): Leak[] {
  const leaks: Leak[] = [];
  for (const [app, output] of Object.entries(outputs)) {
    for (const line of output.split('\n')) {
      const found = PATTERNS.find(({ pattern }) => pattern.test(line));
      if (found) leaks.push({ app, what: found.what, line: line.slice(0, 300) });
    }
  }
  return leaks;
}
