import type { OpenApiDocument } from './openapi.ts';

const html = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Json = Record<string, unknown>;

/** A short type for a parameter or body schema: `string (pattern …)`, `Agreement`, `object`. */
function typeOf(schema: Json | undefined): string {
  if (!schema) return '';
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').at(-1)!;
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Json[]).map(typeOf).join(' | ');
  const base = Array.isArray(schema.type) ? schema.type.join(' | ') : String(schema.type ?? 'any');
  if (base === 'array') return `array of ${typeOf(schema.items as Json)}`;
  const extra = schema.pattern
    ? ` matching ${schema.pattern}`
    : schema.enum
      ? ` one of ${(schema.enum as unknown[]).join(', ')}`
      : '';
  return base + extra;
}

function operation(method: string, path: string, op: Json): string {
  const params = (op.parameters as Json[] | undefined) ?? [];
  const responses = Object.entries(op.responses as Record<string, Json>);
  const body = (op.requestBody as { content: Record<string, { schema: Json }> } | undefined)?.content;
  return [
    `<section id="${html(op.operationId)}">`,
    `<h3><span class="m">${html(method.toUpperCase())}</span> <code>${html(path)}</code></h3>`,
    `<p>${html(op.summary)}</p>`,
    op.description ? `<p>${html(op.description)}</p>` : '',
    params.length
      ? `<table><tr><th>parameter</th><th>in</th><th>type</th><th>meaning</th></tr>${params
          .map(
            (p) =>
              `<tr><td><code>${html(p.name)}</code>${p.required ? ' (required)' : ''}</td><td>${html(p.in)}</td><td>${html(typeOf(p.schema as Json))}</td><td>${html(p.description ?? '')}</td></tr>`,
          )
          .join('')}</table>`
      : '',
    body
      ? `<p>Body: ${Object.entries(body)
          .map(
            ([t, c]) =>
              `<code>${html(t)}</code> ${html(typeOf(c.schema) === 'object' ? 'object (see the OpenAPI document)' : typeOf(c.schema))}`,
          )
          .join(', ')}</p>`
      : '',
    `<ul>${responses
      .map(
        ([status, r]) =>
          `<li><b>${html(status)}</b> ${html(r.description)}${r.content ? ` — <code>${html(Object.keys(r.content as Json).join(', '))}</code>` : ''}</li>`,
      )
      .join('')}</ul>`,
    '</section>',
  ].join('\n');
}

/** The API reference as one plain HTML page, rendered from the OpenAPI document: no scripts, no external assets. */
export function renderDocsPage(doc: OpenApiDocument): string {
  const info = doc.info as { title: string; version: string };
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  const tags = [...new Set(ops.map((o) => (o.op.tags as string[])[0]!))];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(info.title)} ${html(info.version)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
code{font-family:ui-monospace,monospace}.m{display:inline-block;min-width:3.5rem;font-size:.8em;color:#fff;background:#456;padding:0 .4em;border-radius:3px;text-align:center}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}section{border-top:1px solid #ddd;margin-top:1rem}</style>
</head><body>
<h1>${html(info.title)} <small>${html(info.version)}</small></h1>
<p>Every error is <code>application/problem+json</code>: <code>{type, title, status, detail, code}</code>. The machine-readable document is <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
<nav><ul>${ops.map((o) => `<li><a href="#${html(o.op.operationId)}">${html(o.method.toUpperCase())} ${html(o.path)}</a></li>`).join('')}</ul></nav>
${tags
  .map(
    (tag) =>
      `<h2>${html(tag)}</h2>\n${ops
        .filter((o) => (o.op.tags as string[])[0] === tag)
        .map((o) => operation(o.method, o.path, o.op))
        .join('\n')}`,
  )
  .join('\n')}
</body></html>
`;
}
