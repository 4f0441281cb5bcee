/**
 * Where two JSON texts first differ, for a readable failure: a path like `$.random[12].result.ok.amount`
 * with both values, or `undefined` when the texts are byte-identical.
 */
export function firstDifference(
  a: string,
  b: string,
  labels: readonly [string, string] = ['node', 'chromium'],
): string | undefined {
  if (a === b) return undefined;
  const [found] = allDifferences(a, b, 1, labels);
  if (found !== undefined) return found;
  // Same data, different bytes (key order, escaping): point at the first differing character.
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `same data, different text at character ${i}: ${labels[0]} …${a.slice(Math.max(0, i - 40), i + 40)}… ${labels[1]} …${b.slice(Math.max(0, i - 40), i + 40)}…`;
}

/** Every path where two JSON texts differ (leaf values and key sets), at most `limit` of them. */
export function allDifferences(
  a: string,
  b: string,
  limit = 50,
  labels: readonly [string, string] = ['node', 'chromium'],
): string[] {
  const out: string[] = [];
  collect(JSON.parse(a), JSON.parse(b), '$', labels, out, limit);
  return out;
}

function collect(
  a: unknown,
  b: unknown,
  path: string,
  labels: readonly [string, string],
  out: string[],
  limit: number,
): void {
  if (out.length >= limit) return;
  const show = (value: unknown): string => JSON.stringify(value)?.slice(0, 200) ?? 'undefined';
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) collect(a[i], b[i], `${path}[${i}]`, labels, out, limit);
    if (a.length !== b.length && out.length < limit) {
      out.push(`${path}: ${labels[0]} has ${a.length} items, ${labels[1]} has ${b.length}`);
    }
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    for (let i = 0; i < Math.max(keysA.length, keysB.length); i++) {
      const key = keysA[i];
      if (key !== keysB[i]) {
        out.push(`${path}: keys differ at position ${i}: ${labels[0]} ${show(key)}, ${labels[1]} ${show(keysB[i])}`);
        return;
      }
      if (key !== undefined) collect(a[key], b[key], `${path}.${key}`, labels, out, limit);
    }
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${path}: ${labels[0]} ${show(a)}, ${labels[1]} ${show(b)}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
