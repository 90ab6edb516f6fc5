import { describe, expect, it } from 'vitest';
import { demoBrowser, withOct2025 } from './demo-server.ts';

/** The FSI … PDI a page puts around each name it fills in, which a reader does not see. */
const read = (s: string | null) => (s ?? '').replace(/[\u2068\u2069]/g, '');

/**
 * The agreement page says which text its statuses are judged against: the Oct 2025 log adopted
 * version 1 when it opened and version 2 on 2 Feb 2026, so a status of now is version 2's.
 */
describe('the text in force, on the agreement page', { timeout: 120_000 }, () => {
  const demo = demoBrowser(withOct2025);

  it.each([
    ['en', 'Judged against version 2 of the text, adopted Feb 2, 2026, 08:00 (event no. 98)'],
    ['ar', 'الحكم وفق الصيغة 2 من النص، المعتمدة في 2 فبراير 2026، 08:00 (الحدث رقم 98)'],
    ['he', 'נשפט לפי גרסה 2 של הנוסח, שאומצה ב־'],
  ])('in %s: the version, when it was adopted and its event', async (lang, starts) => {
    const { page } = demo.browser;
    await page.goto(new URL(`/agreements/oct-2025-ceasefire?lang=${lang}`, demo.server.url).toString());
    const line = page.getByTestId('text-in-force');
    await line.waitFor();
    expect(read(await line.textContent())).toMatch(
      new RegExp(`^${starts.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  });
});
