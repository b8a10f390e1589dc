/** Groups rows under the keys a DataLoader asked for, in the keys' order (an empty list for a key without rows). */
export function groupByKeys<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** The row of each key a DataLoader asked for, or null. */
export function oneByKey<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): (T | null)[] {
  const found = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => found.get(key) ?? null);
}

/**
 * One value per request, kept against the request object: every resolver of a request shares its loader set
 * (and cache), and nothing outlives the request.
 */
export class PerRequest<T> {
  private readonly values = new WeakMap<object, T>();

  constructor(private readonly create: () => T) {}

  for(request: object): T {
    let value = this.values.get(request);
    if (!value) {
      value = this.create();
      this.values.set(request, value);
    }
    return value;
  }
}
