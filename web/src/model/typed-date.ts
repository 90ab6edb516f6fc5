/** Arabic-Indic (٠–٩) and Extended Arabic-Indic (۰–۹) digits, as a reader may type them, in Latin digits. */
function latinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) & 0xf));
}

/**
 * A date as a reader types it, year first (the one order no language reads another way): 2023-11-25,
 * 2023/11/25, 2023.11.25 or 2023 11 25, in Latin or Arabic-Indic digits; the calendar date as
 * YYYY-MM-DD, or null when it is not one (a month 13, a 31 November, day-first or month-first
 * forms such as 11/25/2023, whose order is ambiguous).
 */
export function typedDate(text: string): string | null {
  const m = /^(\d{4})[-/.\s\u2010-\u2015](\d{1,2})[-/.\s\u2010-\u2015](\d{1,2})$/.exec(
    latinDigits(text.replace(/[\u200e\u200f\u061c\u2066-\u2069]/g, '')).trim(),
  );
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(year, month - 1, day));
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
