import { describe, expect, it } from 'vitest';
import { partiesOnSides, sideOf } from './side-of.ts';

const agreement = {
  parties: [
    { id: 'government', name: { en: 'G' }, role: 'party' },
    { id: 'coalition', name: { en: 'C' }, role: 'party', side: 'government' },
    { id: 'ally', name: { en: 'A' }, role: 'party', side: 'coalition' },
    { id: 'ansar-allah', name: { en: 'H' }, role: 'party' },
    { id: 'icrc', name: { en: 'I' }, role: 'intermediary' },
  ],
} as unknown as Parameters<typeof sideOf>[0];
const sides = ['ansar-allah', 'government'];

describe('sideOf', () => {
  it('is the party itself when it is a side', () => {
    expect(sideOf(agreement, 'government', sides)).toBe('government');
    expect(sideOf(agreement, 'ansar-allah', sides)).toBe('ansar-allah');
  });
  it('is the side the agreement puts a group on, however far', () => {
    expect(sideOf(agreement, 'coalition', sides)).toBe('government');
    expect(sideOf(agreement, 'ally', sides)).toBe('government');
  });
  it('is nothing for a party on no side of these, or unknown', () => {
    expect(sideOf(agreement, 'icrc', sides)).toBeUndefined();
    expect(sideOf(agreement, 'nobody', sides)).toBeUndefined();
    expect(sideOf(agreement, 'coalition', ['ansar-allah'])).toBeUndefined();
  });
  it('lists the groups on the sides', () => {
    expect(partiesOnSides(agreement, sides)).toEqual(['coalition', 'ally']);
  });
});
