/**
 * A small most-recently-used cache for pure work keyed by text (a file's headers, a decoded file):
 * an edit to one file of a large tree redoes that file only. Bounded in entries and in key length,
 * so a long session of edits to a large file never piles up copies of it.
 */
export function lastResults<V>(entries: number, longestKey: number): (key: string, compute: () => V) => V {
  const kept = new Map<string, V>();
  return (key, compute) => {
    if (key.length > longestKey) return compute();
    if (kept.has(key)) {
      const value = kept.get(key) as V;
      // Most recently used last: the first key is the one to drop.
      kept.delete(key);
      kept.set(key, value);
      return value;
    }
    const value = compute();
    if (kept.size >= entries) kept.delete(kept.keys().next().value as string);
    kept.set(key, value);
    return value;
  };
}
