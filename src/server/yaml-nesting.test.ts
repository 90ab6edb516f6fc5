import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_YAML_NESTING, yamlNestingProblem } from './yaml-nesting.ts';

const EXAMPLES = join(import.meta.dirname, '../../examples/agreements');

describe('yamlNestingProblem', () => {
  it('passes every example agreement', () => {
    for (const name of readdirSync(EXAMPLES))
      expect(yamlNestingProblem(readFileSync(join(EXAMPLES, name), 'utf8')), name).toBeUndefined();
  });

  it('passes balanced brackets however many, and nesting up to the limit', () => {
    expect(yamlNestingProblem('note: "[sic] [1] {x}"\n'.repeat(5000))).toBeUndefined();
    const deep = '['.repeat(MAX_YAML_NESTING) + ']'.repeat(MAX_YAML_NESTING);
    expect(yamlNestingProblem(`a: ${deep}\n`)).toBeUndefined();
    expect(yamlNestingProblem(`${'- '.repeat(MAX_YAML_NESTING)}1\n`)).toBeUndefined();
    expect(yamlNestingProblem(']]]]\n[[[[]]]]\n---\n-1\n')).toBeUndefined();
  });

  it('locates the bracket or the block indicator one past the limit', () => {
    const flow = `id: x\nlist: ${'{a: '.repeat(MAX_YAML_NESTING + 5)}1`;
    expect(yamlNestingProblem(flow)).toEqual({
      line: 2,
      column: 7 + 4 * MAX_YAML_NESTING,
      message: expect.stringMatching(/More than 64 brackets/),
    });
    const block = `id: x\n  ${'- '.repeat(MAX_YAML_NESTING + 1)}1\n`;
    expect(yamlNestingProblem(block)).toEqual({
      line: 2,
      column: 3 + 2 * MAX_YAML_NESTING,
      message: expect.stringMatching(/block indicators/),
    });
    expect(yamlNestingProblem(`${'[\n'.repeat(200)}`)?.line).toBe(MAX_YAML_NESTING + 1);
  });
});
