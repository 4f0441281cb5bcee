// Structural equality of plain JSON data, for replay's check of a recorded diff against the one the
// event produces again. Key order is ignored (a store such as PostgreSQL's jsonb reorders keys), and
// a key whose value is `undefined` counts as absent (JSON drops it). The walk follows `ours` — data
// this library built, finite and acyclic — so a hostile `theirs` (deep, cyclic) cannot make it recurse
// further than `ours` goes.

import { isRecord } from './checks.js';

function definedKeys(value: Record<string, unknown>): number {
  let n = 0;
  for (const key of Object.keys(value)) if (value[key] !== undefined) n++;
  return n;
}

/** True when `theirs` is the same JSON data as `ours`. */
export function sameData(ours: unknown, theirs: unknown): boolean {
  if (ours === theirs) return true;
  if (Array.isArray(ours)) {
    if (!Array.isArray(theirs) || theirs.length !== ours.length) return false;
    for (let i = 0; i < ours.length; i++) if (!sameData(ours[i], theirs[i])) return false;
    return true;
  }
  if (isRecord(ours)) {
    if (!isRecord(theirs) || Array.isArray(theirs)) return false;
    if (definedKeys(ours) !== definedKeys(theirs)) return false;
    for (const key of Object.keys(ours)) {
      const value = ours[key];
      if (value === undefined) continue;
      if (!Object.hasOwn(theirs, key) || !sameData(value, theirs[key])) return false;
    }
    return true;
  }
  return false;
}
