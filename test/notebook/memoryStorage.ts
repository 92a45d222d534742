/** localStorage's behaviour in memory, with a quota in characters (keys and values) like the browser's. */
export function memoryStorage(quota = Infinity) {
  const items = new Map<string, string>();
  const used = () => [...items].reduce((sum, [key, value]) => sum + key.length + value.length, 0);
  return {
    items,
    get length() { return items.size; },
    key: (index: number) => [...items.keys()][index] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem(key: string, value: string) {
      if (used() - (items.has(key) ? key.length + items.get(key)!.length : 0) + key.length + value.length > quota) {
        throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, 'QuotaExceededError');
      }
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
  };
}
