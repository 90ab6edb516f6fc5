import { isBlank } from './row-cells.ts';
import type { Row } from './row-event.ts';

/** The acts an exchange counts one by one: a second record of one of them is counted as another. */
const COUNTED = new Set(['handover.completed', 'release.completed']);

/** A row that records again an act an earlier row of the file records, by its `refs`. */
export interface TwiceRecorded {
  line: number;
  kind: string;
  /** The line of the row it refers to. */
  of: number;
}

const cell = (row: Row, column: string): string | undefined => {
  const v = row.cells.get(column);
  return isBlank(v) ? undefined : String(v).trim();
};

/**
 * Rows of a monitor's file that look like a second source's record of an act another row records:
 * a handover (or a release) whose `refs` name an earlier row of the same kind, exchange and side.
 * Each is counted as another handover, so the exchange's figures count the act twice; another
 * source's figure for the same act is an acknowledgement, or a dispute with its figure. Said as a
 * warning, not refused: a row may rest on an earlier handover for other reasons.
 */
export function twiceRecorded(rows: readonly Row[]): TwiceRecorded[] {
  const byId = new Map<string, Row>();
  const out: TwiceRecorded[] = [];
  for (const row of rows) {
    const kind = cell(row, 'kind');
    const refs = cell(row, 'refs');
    if (kind !== undefined && COUNTED.has(kind) && refs !== undefined) {
      for (const ref of refs.split(';').map((r) => r.trim())) {
        const earlier = byId.get(ref);
        if (
          earlier &&
          cell(earlier, 'kind') === kind &&
          cell(earlier, 'provision') === cell(row, 'provision') &&
          cell(earlier, 'party') === cell(row, 'party')
        ) {
          out.push({ line: row.line, kind, of: earlier.line });
          break;
        }
      }
    }
    const id = cell(row, 'id');
    if (id !== undefined) byId.set(id, row);
  }
  return out;
}
