/**
 * The V8 flags a `truce serve` process runs with (the CLI starts the server's process again with
 * them when they are missing: src/cli/serve-relaunch.ts).
 *
 * V8 grows the main thread's young generation by doubling, up to 128 MiB on a machine with this
 * much memory (two semi-spaces of 64 MiB), whenever its collections find much surviving: under
 * load a server's resident memory then jumps by 32 or 64 MiB at a moment no one chose, and keeps
 * it. Sixteen MiB a semi-space (V8's long-standing default) is where the young generation stops,
 * so the server reaches its working size in its first seconds of load and stays there.
 */
export const SERVER_HEAP_FLAGS: readonly string[] = ['--max-semi-space-size=16'];
