import { isoInZone, wallClock } from '../time/zoned-time.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "25 Nov 16:00" in the agreement's time zone. */
export function when(epoch: number, timeZone: string): string {
  const w = wallClock(epoch, timeZone);
  const month = MONTHS[Number(w.date.slice(5, 7)) - 1];
  return `${Number(w.date.slice(8, 10))} ${month} ${w.time.slice(0, 5)}`;
}

/** "25 Nov" for a YYYY-MM-DD date. */
export function day(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;
}

export function iso(epoch: number, timeZone: string): string {
  return isoInZone(epoch, timeZone);
}

/** A duration in plain words: "45 min", "about 5 h", "2 d 3 h". */
export function duration(minutes: number): string {
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) {
    const h = minutes / 60;
    return Number.isInteger(h) ? `${h} h` : `about ${Math.round(h)} h`;
  }
  const d = Math.floor(minutes / 1440);
  const h = Math.round((minutes - d * 1440) / 60);
  return h ? `${d} d ${h} h` : `${d} d`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "13 persons" / "1 person" for a unit of the plan. */
export function quantity(n: number, unit: string | undefined): string {
  return unit ? plural(n, unit) : String(n);
}

/** Minutes from `a` to `b`, both epoch ms. */
export function minutesBetween(a: number, b: number): number {
  return Math.round((b - a) / 60_000);
}

/** A number as figures are written everywhere else: "1,968". */
export function figure(n: number): string {
  return n.toLocaleString('en-US');
}
