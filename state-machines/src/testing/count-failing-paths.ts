/** What a model test's harness offers: a fresh start per path, and the params path.test takes. */
export interface PathHarness<P> {
  reset(): void;
  readonly params: P;
}

/** A path from xstate/graph's createTestModel (only what running it needs). */
export interface RunnablePath<P> {
  test(params: P): unknown;
}

/**
 * Runs every path against a harness and counts those that fail: 0 for the real machine, more
 * for a mutant the model test must catch. `stopAtFirst` ends at the first failure (large models).
 */
export async function countFailingPaths<P>(paths: readonly RunnablePath<P>[], harness: PathHarness<P>, options: { stopAtFirst?: boolean } = {}): Promise<number> {
  let failed = 0;
  for (const path of paths) {
    harness.reset();
    try {
      await path.test(harness.params);
    } catch {
      failed++;
      if (options.stopAtFirst) break;
    }
  }
  return failed;
}
