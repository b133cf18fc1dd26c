// Affixes come stacked in any order ("約200万GPU時間程度（予定）", "【1. 法人名】※"), so strippers run
// until a pass changes nothing.

export function untilStable(s: string, step: (s: string) => string): string {
  let current = s;
  for (let next = step(current); next !== current; next = step(current)) current = next;
  return current;
}
