import { Fragment, type ReactNode } from 'react';
import { useI18n } from './context.ts';
import type { MessageKey } from './messages-en.ts';
import type { Params } from './translate.ts';

/** A translated template cut at its `{name}` placeholders: text, name, text, name, … text. */
export function splitPlaceholders(template: string): { text: string; name?: string }[] {
  const parts = template.split(/\{(\w+)\}/);
  const out: { text: string; name?: string }[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    out.push(i + 1 < parts.length ? { text: parts[i]!, name: parts[i + 1]! } : { text: parts[i]! });
  }
  return out;
}

/**
 * A message with elements in its placeholders (a citation, a link): the template is translated with
 * `params`, and each `{name}` of `nodes` is replaced by its element, in the language's word order.
 */
export function Rich({
  k,
  params = {},
  nodes,
}: {
  k: MessageKey;
  params?: Params;
  nodes: Record<string, ReactNode>;
}) {
  const { t } = useI18n();
  return (
    <>
      {splitPlaceholders(t(k, params)).map(({ text, name }, i) => (
        // A placeholder name is unique within its message; the text before it is keyed by its position.
        <Fragment key={name ?? `end-${i}`}>
          {text}
          {name === undefined ? null : name in nodes ? nodes[name] : `{${name}}`}
        </Fragment>
      ))}
    </>
  );
}
