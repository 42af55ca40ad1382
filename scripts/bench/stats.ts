import os from 'node:os';

/** The median of some numbers (the upper middle one of an even count). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The p-th percentile (0–100) of some numbers, nearest rank. */
export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The smallest and the largest of some numbers, as the README's spread. */
export const spread = (xs: readonly number[]): [number, number] => [Math.min(...xs), Math.max(...xs)];

/** Rounds to a tenth, for the JSON. */
export const tenth = (x: number): number => Math.round(x * 10) / 10;

/** Rounds to a hundredth, for ratios in the JSON. */
export const hundredth = (x: number): number => Math.round(x * 100) / 100;

/** The machine the bench ran on, and how busy it was when it started. */
export function machine(): string {
  const cpus = os.cpus();
  const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, ${os.platform()} ${os.release()}, Node ${process.version}; load average at start ${load}`;
}
