import { Injectable } from '@nestjs/common';

/** Resolves with a short detail when the dependency answers; throws when it does not. */
export type HealthCheck = () => Promise<string>;
export type CheckResult = { status: 'up'; detail: string } | { status: 'down'; error: string };

const CHECK_TIMEOUT_MS = 3000;

@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  async run(): Promise<{ status: 'ok' | 'error'; checks: Record<string, CheckResult> }> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => [name, await runWithTimeout(check)] as const),
    );
    const checks = Object.fromEntries(entries);
    return { status: entries.every(([, r]) => r.status === 'up') ? 'ok' : 'error', checks };
  }
}

async function runWithTimeout(check: HealthCheck): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    return { status: 'up', detail: await Promise.race([check(), timeout]) };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
