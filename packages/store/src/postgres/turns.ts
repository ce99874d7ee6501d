/**
 * Work that shares a key runs one after another, in the order it was asked for; work with other
 * keys runs alongside. A piece of work with several keys waits for the work before it on each,
 * and since its place on every key is taken at once, no two pieces can wait for each other.
 */
export function keyedTurns(): <T>(keys: readonly string[], work: () => Promise<T>) => Promise<T> {
  const last = new Map<string, Promise<unknown>>();
  return (keys, work) => {
    const mine = [...new Set(keys)];
    const result = Promise.allSettled(mine.map((key) => last.get(key))).then(work);
    const done = result.then(
      () => undefined,
      () => undefined,
    );
    for (const key of mine) last.set(key, done);
    // Forget a key once nothing waits on it, so the map holds only work in flight.
    void done.then(() => {
      for (const key of mine) if (last.get(key) === done) last.delete(key);
    });
    return result;
  };
}
