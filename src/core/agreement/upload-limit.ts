/** The largest agreement a server takes as an upload: 256 KiB as sent. The server enforces it; `truce agreement push` checks it first. */
export const AGREEMENT_BODY_LIMIT = 256 * 1024;
