// Japanese eras (元号) for dates written in 和暦. An era's first year is year 1 (元年), and an era
// starts mid-year, so "令和元年4月30日" does not exist: it is still 平成31年.

export interface Era {
  name: string;
  /** The Latin initial used in short dates: "R5.10.5", "H31.4.30". */
  initial: string;
  /** First and last day, ISO; null while the era goes on. */
  first: string;
  last: string | null;
}

export const ERAS: readonly Era[] = [
  { name: '令和', initial: 'r', first: '2019-05-01', last: null },
  { name: '平成', initial: 'h', first: '1989-01-08', last: '2019-04-30' },
  { name: '昭和', initial: 's', first: '1926-12-25', last: '1989-01-07' },
];

/** Matches an era's name or initial, any case: "令和", "R", "r". */
export const ERA_PATTERN = ERAS.flatMap((e) => [e.name, e.initial]).join('|');

export function eraNamed(nameOrInitial: string): Era | undefined {
  const key = nameOrInitial.toLowerCase();
  return ERAS.find((e) => e.name === key || e.initial === key);
}

/** 元年 is year 1: 令和1 → 2019. */
export function westernYear(era: Era, eraYear: number): number {
  return Number(era.first.slice(0, 4)) + eraYear - 1;
}

/** Whether an ISO date falls inside the era. */
export function inEra(era: Era, isoDate: string): boolean {
  return isoDate >= era.first && (era.last === null || isoDate <= era.last);
}
