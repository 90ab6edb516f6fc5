/** An export folder that cannot be read: missing, too large or malformed, with a message a person can act on. */
export class ExportFolderError extends Error {
  override name = 'ExportFolderError';
  readonly code: 'export-missing' | 'export-too-large' | 'export-malformed' | 'export-unverified';
  constructor(code: ExportFolderError['code'], message: string) {
    super(message);
    this.code = code;
  }
}
