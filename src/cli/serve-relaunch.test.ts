import { describe, expect, it } from 'vitest';
import { SERVER_HEAP_FLAGS } from '../server/server-heap-flags.ts';
import { serveRelaunchArgs } from './serve-relaunch.ts';

const node = '/usr/bin/node';
const script = '/opt/truce/bin/truce.js';

describe('serveRelaunchArgs', () => {
  it('starts `truce serve` again with the server flags first, keeping Node options and the command words', () => {
    expect(
      serveRelaunchArgs(['--enable-source-maps'], [node, script, 'serve', '--port', '0', '--demo']),
    ).toEqual([node, ...SERVER_HEAP_FLAGS, '--enable-source-maps', script, 'serve', '--port', '0', '--demo']);
  });

  it('leaves other commands alone, even with a word "serve" later', () => {
    expect(serveRelaunchArgs([], [node, script, 'validate', 'serve'])).toBeNull();
    expect(serveRelaunchArgs([], [node, script])).toBeNull();
  });

  it('does not start again once the flags are set, by the restart or by the person (their value kept)', () => {
    expect(serveRelaunchArgs([...SERVER_HEAP_FLAGS], [node, script, 'serve'])).toBeNull();
    expect(serveRelaunchArgs(['--max-semi-space-size=64'], [node, script, 'serve'])).toBeNull();
  });
});
