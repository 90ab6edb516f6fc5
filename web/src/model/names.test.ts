import { describe, expect, it } from 'vitest';
import { pause } from '../../../src/core/plan/fixtures/pause.ts';
import { agreementNames, nameField } from './names.ts';

describe('the names an event body is read with', () => {
  it('given a place named under the agreement’s places, then a destination or zone reads by its name; a place named nowhere stays its id', () => {
    const names = agreementNames(
      pause({
        places: [{ id: 'north', name: { en: 'the north of Gaza', ar: 'شمال غزة', he: 'צפון רצועת עזה' } }],
      }),
    );
    const he = (v: string | { en: string; he?: string }) => (typeof v === 'string' ? v : (v.he ?? v.en));
    expect(nameField(names, 'destination', 'north', he)).toBe('צפון רצועת עזה');
    expect(nameField(names, 'zones', 'north, south', he)).toBe('צפון רצועת עזה, south');
    // A category's label, found in the provision that labels it.
    expect(nameField(names, 'category', 'women', he)).toBe('Women');
  });
});
