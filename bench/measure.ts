/** Small measuring helpers for the benchmarks. */
export const nowMs = () => performance.now();

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Runs `writers` closed loops of `step` until `durationMs` passes; resolves with the number of steps done. */
export async function closedLoop(
  writers: number,
  durationMs: number,
  step: (writer: number) => Promise<void>,
): Promise<{ steps: number; seconds: number }> {
  const started = nowMs();
  let steps = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      while (nowMs() - started < durationMs) {
        await step(writer);
        steps += 1;
      }
    }),
  );
  return { steps, seconds: (nowMs() - started) / 1000 };
}

/**
 * Starts `step` at a fixed rate whatever the latency (an open loop), and measures each latency from its
 * scheduled start, so a stall shows up in the percentiles instead of slowing the load down.
 */
export async function openLoop(ratePerSec: number, durationMs: number, step: (i: number) => Promise<void>) {
  const started = nowMs();
  const latencies: number[] = [];
  const running: Promise<void>[] = [];
  const total = Math.floor((ratePerSec * durationMs) / 1000);
  for (let i = 0; i < total; i++) {
    const scheduled = started + (i * 1000) / ratePerSec;
    const wait = scheduled - nowMs();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    running.push(step(i).then(() => void latencies.push(nowMs() - scheduled)));
  }
  await Promise.all(running);
  return latencies;
}

export const log = (line: string) => process.stderr.write(`${line}\n`);
