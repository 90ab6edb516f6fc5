import { describe, expect, it } from 'vitest';
import type { Io } from '../io.ts';
import { printReports } from './verify.ts';

function captured(): Io & { text: () => string } {
  let out = '';
  return {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      out += t;
    },
    isTTY: false,
    cwd: '.',
    env: {},
    text: () => out,
  };
}

describe('truce verify, in words', () => {
  it('counts one event, checkpoint and cosignature in the singular and more in the plural', () => {
    const report = (n: number) => ({
      size: n,
      root: 'ab'.repeat(32),
      checkpoints: n,
      cosignatures: n,
      problems: [],
    });
    const one = captured();
    printReports(one, [{ log: 'x', report: report(1) }], false, 'verified');
    expect(one.text()).toContain('x: 1 event, root abababababababab…, 1 checkpoint, 1 cosignature verified');
    const two = captured();
    printReports(two, [{ log: 'x', report: report(2) }], false, 'verified');
    expect(two.text()).toContain(
      'x: 2 events, root abababababababab…, 2 checkpoints, 2 cosignatures verified',
    );
  });
});
