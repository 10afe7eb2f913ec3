/**
 * A value derived from an object once and kept while the object lives: the models, designs and
 * run values this code derives from are immutable, so an object is its own cache key.
 */
export function derived<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    const known = cache.get(key);
    // One lookup on a hit; `has` only tells an undefined value from a missing one.
    if (known !== undefined || cache.has(key)) return known as V;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}
