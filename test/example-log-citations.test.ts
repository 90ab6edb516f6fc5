import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/run-cli.ts';

const LOGS = ['nov-2023-pause', 'oct-2025-ceasefire'];
/** A file's name, as a brief or a build script would give it: no reader of the pages has that file. */
const FILE_NAME = /\b[\w-]+\.(md|ya?ml|json|jsonl|txt|csv)\b/i;

/** Every string in a parsed value, with its path. */
function strings(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}.${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
}

describe.each(LOGS)('the example log %s cites what a reader can find', (log) => {
  const dir = join(repoRoot, 'examples', 'logs', log);

  it('names outlets and statements in every event, never a file of the brief', () => {
    const lines = readFileSync(join(dir, 'events.jsonl'), 'utf8').split('\n').filter(Boolean);
    const cited = lines.flatMap((line, i) => {
      const { event } = JSON.parse(line) as { event: { source?: unknown; note?: unknown; body?: unknown } };
      return strings({ source: event.source, note: event.note, body: event.body }, `line ${i + 1}`);
    });
    expect(cited.some((c) => c.path.includes('.source'))).toBe(true);
    expect(cited.filter((c) => FILE_NAME.test(c.text))).toEqual([]);
  });

  it('says where it was reconstructed from in its metadata, by outlet', () => {
    const meta = JSON.parse(readFileSync(join(dir, 'log.json'), 'utf8')) as unknown;
    const texts = strings(meta).filter((s) => /reconstructed/i.test(s.text));
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((t) => FILE_NAME.test(t.text))).toEqual([]);
    expect(texts.some((t) => /Reuters|AP\b/.test(t.text))).toBe(true);
  });
});
