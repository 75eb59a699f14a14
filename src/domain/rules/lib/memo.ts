/**
 * Caches for values derived from text that repeats across rows (unit names, compositions). Keyed by the
 * text itself, never by row objects, so a row edited in place is never judged on stale values.
 */

const NO_VALUE: unique symbol = Symbol("no value");

/** Memoises a function of a string; the cache is dropped when it grows past `limit` entries. */
export function memoizeText<T>(fn: (text: string) => T, limit = 10_000): (text: string) => T {
  // An undefined value is kept as NO_VALUE, so a miss costs one lookup, not two.
  let cache = new Map<string, T | typeof NO_VALUE>();
  return (text: string) => {
    const hit = cache.get(text);
    if (hit !== undefined) return (hit === NO_VALUE ? undefined : hit) as T;
    const value = fn(text);
    if (cache.size >= limit) cache = new Map();
    cache.set(text, value === undefined ? NO_VALUE : value);
    return value;
  };
}
