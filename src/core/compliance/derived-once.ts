const derived = new WeakMap<object, Map<string, unknown>>();

/**
 * A value derived from a list the live log hands out, computed once per list. Such a list never
 * changes (the live log replaces it when an event touches what it lists, and drops it when a
 * registration may change who is who), so neither does what is derived from it.
 */
export function derivedOnce<T>(list: object, name: string, make: () => T): T {
  let values = derived.get(list);
  if (!values) {
    values = new Map();
    derived.set(list, values);
  }
  if (!values.has(name)) values.set(name, make());
  return values.get(name) as T;
}
