import { describe, expect, it } from 'vitest';
import { type Adoption, adoptionAt } from './text-in-force.ts';

const adopted = (version: number, index: number, occurredAt: string): Adoption => ({
  agreement: 'a',
  version,
  sha256: String(version).repeat(64),
  index,
  actor: 'operator',
  occurredAt,
});

describe('adoptionAt: the text in force at a moment', () => {
  const list = [adopted(1, 1, '2023-11-24T05:00:30.000Z'), adopted(2, 9, '2023-11-26T10:00:00.000Z')];

  it('given moments around an adoption, then the latest adopted by each, compared as instants', () => {
    expect(adoptionAt(list, '2023-11-26T11:59:59+02:00')?.version).toBe(1);
    expect(adoptionAt(list, '2023-11-26T12:00:00+02:00')?.version).toBe(2);
  });

  it('given a moment before every adoption, then the text the log was opened under; none without adoptions', () => {
    expect(adoptionAt(list, '2023-11-01T00:00:00Z')?.version).toBe(1);
    expect(adoptionAt([], '2023-11-01T00:00:00Z')).toBeUndefined();
  });

  it('given a text recorded later but dated back, then it counts from its date', () => {
    const backdated = [...list, adopted(3, 99, '2023-11-25T00:00:00.000Z')];
    expect(adoptionAt(backdated, '2023-11-25T12:00:00Z')?.version).toBe(3);
    expect(adoptionAt(backdated, '2023-11-27T00:00:00Z')?.version).toBe(2);
  });

  it('given two texts adopted at one instant, then the one recorded last', () => {
    const same = [adopted(1, 1, '2023-11-24T00:00:00Z'), adopted(2, 2, '2023-11-24T00:00:00Z')];
    expect(adoptionAt(same, '2023-11-24T00:00:00Z')?.version).toBe(2);
  });
});
