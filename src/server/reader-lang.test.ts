import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { readerLang } from './reader-lang.ts';

const request = (acceptLanguage?: string) =>
  ({ headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage } }) as FastifyRequest;

describe('readerLang', () => {
  it('takes ?lang= before the Accept-Language header', () => {
    expect(readerLang(request('he'), { lang: 'ar' })).toBe('ar');
  });

  it('takes the best-ranked of en, ar and he from Accept-Language, regions ignored', () => {
    expect(readerLang(request('fr-FR, he-IL;q=0.8, ar;q=0.9'), {})).toBe('ar');
    expect(readerLang(request('he-IL,en;q=0.5'), {})).toBe('he');
    expect(readerLang(request('ar;q=0, he;q=0.1'), {})).toBe('he');
  });

  it('falls back to English when the reader asks for nothing it has', () => {
    expect(readerLang(request('fr, de;q=0.5'), {})).toBe('en');
    expect(readerLang(request(), {})).toBe('en');
  });
});
