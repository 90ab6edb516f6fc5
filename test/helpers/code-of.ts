/** The `code` of the error `f` throws, or 'no error': lets a test state which refusal it expects. */
export function codeOf(f: () => unknown): string {
  try {
    f();
    return 'no error';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}
