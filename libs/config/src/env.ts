import { z } from 'zod';

export class InvalidConfiguration extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.variable}: ${p.message}`).join('; ')}`);
    this.name = 'InvalidConfiguration';
  }
}

// A secret's value must not reach the log, even a wrong one.
const isSecret = (variable: string) => /SECRET|PASSWORD|PRIVATE_KEY/i.test(variable);
// A URL may carry a password (postgres://user:password@host/db): show it without.
const withoutPassword = (raw: string) => raw.replace(/^([a-z][\w+.-]*:\/\/[^:/@]+):[^@]*@/i, '$1:***@');

/** Parses the environment with `schema`; every bad variable is named with its reason. */
export function loadEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new InvalidConfiguration(
    result.error.issues.map((issue) => {
      const variable = issue.path.join('.') || '(environment)';
      const raw = env[variable];
      const shown = raw === undefined || isSecret(variable) ? '' : ` (got "${withoutPassword(raw)}")`;
      return { variable, message: `${issue.message}${shown}` };
    }),
  );
}
