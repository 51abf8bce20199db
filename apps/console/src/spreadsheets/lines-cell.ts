import type { ShipmentBatchItem } from '../api/types';

export type ShipmentLines = NonNullable<ShipmentBatchItem['lines']>;

/** What one confirmation may carry (the API's limits on `lines`). */
const MAX_LINES = 200;
const MAX_QUANTITY = 10_000;
const MAX_LINE_ID = 64;

/**
 * A `Lines` cell, `lineId:qty;lineId:qty`, as the package's lines; null when it does not read so.
 * A line id may itself hold `:` (order line ids allow it), so the quantity is what follows the last one.
 */
export function parseLinesCell(text: string): ShipmentLines | null {
  const parts = text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > MAX_LINES) return null;
  const lines: ShipmentLines = [];
  for (const part of parts) {
    const match = /^(.+):\s*(\d{1,5})$/.exec(part);
    if (!match) return null;
    const lineId = match[1].trim();
    const quantity = Number(match[2]);
    if (!lineId || lineId.length > MAX_LINE_ID || quantity < 1 || quantity > MAX_QUANTITY) return null;
    if (lines.some((line) => line.lineId === lineId)) return null;
    lines.push({ lineId, quantity });
  }
  return lines;
}
