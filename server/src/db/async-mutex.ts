/**
 * A first-come first-served lock for async work. PGlite is one backend session: two requests
 * that each open a transaction on it would interleave their statements inside one transaction,
 * so the PGlite database runs one unit of work (a query or a whole transaction) at a time.
 */
export class AsyncMutex {
  #tail: Promise<void> = Promise.resolve();

  runExclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(work);
    // The next unit waits for this one to settle, whether it succeeded or not.
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
