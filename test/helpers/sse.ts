/** One Server-Sent Events message as a client sees it. */
export interface SseMessage {
  event: string;
  id?: string;
  data: string;
}

/** Parses the messages of an event stream's text: comments apart, message by message. */
export function sseParser() {
  let buffer = '';
  const comments: string[] = [];
  return {
    comments,
    /** Adds text; returns the messages it completes. */
    push(text: string): SseMessage[] {
      buffer += text;
      const out: SseMessage[] = [];
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields: Record<string, string> = {};
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) comments.push(line.slice(1).trim());
          else {
            const i = line.indexOf(':');
            fields[line.slice(0, i)] = line.slice(i + 1).trimStart();
          }
        }
        if (fields.data !== undefined)
          out.push({
            event: fields.event ?? 'message',
            ...(fields.id !== undefined ? { id: fields.id } : {}),
            data: fields.data,
          });
      }
      return out;
    },
  };
}

/** Reads Server-Sent Events from a response body, one message at a time (null at the end). */
export function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = sseParser();
  const queue: SseMessage[] = [];
  return {
    comments: parser.comments,
    async next(): Promise<SseMessage | null> {
      for (;;) {
        const m = queue.shift();
        if (m) return m;
        const { value, done } = await reader.read();
        if (done) return null;
        queue.push(...parser.push(decoder.decode(value, { stream: true })));
      }
    },
    cancel: () => reader.cancel(),
  };
}

/** Waits until `test` holds, checking every 10 ms; fails with `what` after `ms`. */
export async function until(test: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Waits until the asynchronous `test` holds, checking every 10 ms; fails with `what` after `ms`. */
export async function untilAsync(test: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
