/**
 * A small deterministic PRNG (mulberry32): numbers in [0, 1) from a 32-bit seed. For fuzz and
 * property tests and simulators that must replay a failing case from its seed; never for secrets.
 */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
