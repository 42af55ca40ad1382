import fc from 'fast-check';

/** Cases generated per target per run: at least 10,000 (`FC_RUNS` may raise it). */
export const RUNS = Math.max(10_000, Number(process.env.FC_RUNS ?? 0) || 0);

/**
 * The parameters of every property run: the number of cases, and the seed (and path) to replay a
 * failure: fast-check prints both in the failure message; run again with `FC_SEED=<seed> FC_PATH=<path>`.
 */
export function params<T>(runs = RUNS): fc.Parameters<T> {
  const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
  return { numRuns: runs, ...(seed === undefined ? {} : { seed, path: process.env.FC_PATH }), verbose: 0 };
}

/** Strings a hostile user would try, mixed into generated ones. */
export const HOSTILE_STRINGS = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  'prototype',
  '%E0%A4%A',
  '%00',
  '\u0000',
  '\u0001',
  '\u202e',
  '\ud800',
  '\ufeff',
  '-0',
  '1e999',
  'NaN',
  '0x10',
  ' 1',
  '9'.repeat(400)
];

/** A string: generated (full Unicode, lone surrogates included) or one of {@link HOSTILE_STRINGS}. */
export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 12 }), fc.constantFrom(...HOSTILE_STRINGS));

/** Whether `Object.prototype` gained a key (prototype pollution). */
export const prototypePolluted = (): boolean => Object.getOwnPropertyNames(Object.prototype).length !== BASELINE;
const BASELINE = Object.getOwnPropertyNames(Object.prototype).length;
