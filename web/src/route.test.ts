import { describe, expect, it } from 'vitest';
import { parseRoute, pathOf, type Route } from './route.ts';

const HASH = 'a'.repeat(64);

describe('routes', () => {
  it('parses every page of the contract', () => {
    expect(parseRoute('/')).toEqual({ page: 'home' });
    expect(parseRoute('/agreements/nov-2023-pause')).toEqual({ page: 'agreement', id: 'nov-2023-pause' });
    expect(parseRoute('/agreements/nov-2023-pause/day/2023-11-25')).toEqual({
      page: 'day',
      id: 'nov-2023-pause',
      date: '2023-11-25',
    });
    expect(parseRoute(`/logs/nov-2023-pause/events/${HASH}`)).toEqual({
      page: 'event',
      logId: 'nov-2023-pause',
      leafHash: HASH,
    });
    expect(parseRoute('/compare', '?a=x&b=y')).toEqual({ page: 'compare', a: 'x', b: 'y' });
    expect(parseRoute('/workspace')).toEqual({ page: 'workspace' });
  });

  it('refuses malformed paths as not-found', () => {
    for (const p of [
      '/agreements/nov/day/25-11-2023',
      '/logs/x/events/XYZ',
      '/agreements/%E0%A4%A',
      '/agreements/a b',
      '/nope',
    ]) {
      expect(parseRoute(p).page, p).toBe('not-found');
    }
    expect(parseRoute('/compare', '?a=<script>')).toEqual({ page: 'compare', a: null, b: null });
  });

  it('pathOf is the inverse of parseRoute', () => {
    const routes: Route[] = [
      { page: 'home' },
      { page: 'agreement', id: 'jan-2025-ceasefire' },
      { page: 'day', id: 'a', date: '2025-01-19' },
      { page: 'event', logId: 'l', leafHash: HASH },
      { page: 'compare', a: 'a', b: 'b' },
      { page: 'compare', a: null, b: null },
      { page: 'workspace' },
    ];
    for (const r of routes) {
      const [path, query] = pathOf(r).split('?');
      expect(parseRoute(path!, query ? `?${query}` : '')).toEqual(r);
    }
  });
});
