/**
 * Deeper YAML than this is refused before it is parsed. An agreement is a few levels deep; the YAML
 * parser gives up on very deep text only after seconds (a 256 KiB body of `[` takes 4–10 s), which
 * would stall the server for every other request meanwhile.
 */
export const MAX_YAML_NESTING = 64;

/** Where text first nests deeper than MAX_YAML_NESTING, and how. */
export interface NestingProblem {
  line: number;
  column: number;
  message: string;
}

/** Block indicators that open a level on the line they are on: `- `, `? `, `: `. */
const INDICATOR = /^[-?:](?=[ \t]|$)/;

/**
 * A cheap upper bound on how deep YAML text nests, read once without parsing: flow collections
 * (`[`, `{` not yet closed, wherever they are) and block indicators stacked on one line
 * (`- - - x`). Indentation is not counted: deep indentation costs the parser little. Brackets
 * inside strings and comments are counted too, so text is refused only when it holds more than
 * MAX_YAML_NESTING unclosed brackets, which no agreement does.
 */
export function yamlNestingProblem(text: string): NestingProblem | undefined {
  let line = 1;
  let lineStart = 0;
  let depth = 0;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      lineStart = i + 1;
      atLineStart = true;
      continue;
    }
    if (atLineStart) {
      atLineStart = false;
      let stacked = 0;
      let j = i;
      while (j < text.length) {
        while (text[j] === ' ' || text[j] === '\t') j++;
        if (!INDICATOR.test(text.slice(j, j + 2))) break;
        stacked++;
        if (stacked > MAX_YAML_NESTING) {
          return {
            line,
            column: j - lineStart + 1,
            message: `More than ${MAX_YAML_NESTING} block indicators (- ? :) nest on one line; an agreement is only a few levels deep.`,
          };
        }
        j++;
      }
    }
    if (c === '[' || c === '{') {
      depth++;
      if (depth > MAX_YAML_NESTING) {
        return {
          line,
          column: i - lineStart + 1,
          message: `More than ${MAX_YAML_NESTING} brackets ([ or {) are open here; an agreement is only a few levels deep.`,
        };
      }
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}
