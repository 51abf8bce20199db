import { RuleViolation, ValidationError } from '@tradehub/kernel';

/** An order line and the quantity of it one package carries (or the order holds). */
export interface PackageLine {
  lineId: string;
  quantity: number;
}

/** FUL-2: a package carries at least one line, each once, each a positive whole quantity. */
export function validatePackageLines(lines: readonly PackageLine[], field = 'lines'): PackageLine[] {
  if (lines.length === 0) throw new ValidationError('must name at least one order line', field);
  const seen = new Set<string>();
  return lines.map((line, i) => {
    if (typeof line.lineId !== 'string' || line.lineId.trim().length === 0) {
      throw new ValidationError('is required', `${field}[${i}].lineId`);
    }
    if (seen.has(line.lineId)) throw new ValidationError('is listed twice', `${field}[${i}].lineId`);
    seen.add(line.lineId);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      throw new ValidationError('must be a positive whole number', `${field}[${i}].quantity`);
    }
    return { lineId: line.lineId, quantity: line.quantity };
  });
}

/** What of the order is still to ship after the packages already shipped. */
export function remainingToShip(
  ordered: readonly PackageLine[],
  shipped: readonly PackageLine[],
): PackageLine[] {
  const shippedById = new Map<string, number>();
  for (const line of shipped)
    shippedById.set(line.lineId, (shippedById.get(line.lineId) ?? 0) + line.quantity);
  return ordered
    .map((line) => ({ lineId: line.lineId, quantity: line.quantity - (shippedById.get(line.lineId) ?? 0) }))
    .filter((line) => line.quantity > 0);
}

export interface ShipmentPlan {
  /** What remains to ship once this package is shipped too. */
  remaining: PackageLine[];
  /** FUL-2: the order is shipped when all its lines are. */
  fullyShipped: boolean;
}

/**
 * FUL-2: partial shipment. A new package may carry only lines of the order, and no more of a line
 * than is left after the packages already shipped (`shipped` = their lines, flattened).
 */
export function planShipment(
  ordered: readonly PackageLine[],
  shipped: readonly PackageLine[],
  requested: readonly PackageLine[],
  field = 'lines',
): ShipmentPlan {
  const lines = validatePackageLines(requested, field);
  const left = new Map(remainingToShip(ordered, shipped).map((l) => [l.lineId, l.quantity]));
  const known = new Set(ordered.map((l) => l.lineId));
  lines.forEach((line, i) => {
    if (!known.has(line.lineId)) {
      throw new RuleViolation(
        'UNKNOWN_ORDER_LINE',
        `the order has no line '${line.lineId}'`,
        `${field}[${i}].lineId`,
      );
    }
    const available = left.get(line.lineId) ?? 0;
    if (line.quantity > available) {
      throw new RuleViolation(
        'LINE_QUANTITY_EXCEEDED',
        `only ${available} left to ship`,
        `${field}[${i}].quantity`,
      );
    }
  });
  const remaining = remainingToShip(ordered, [...shipped, ...lines]);
  return { remaining, fullyShipped: remaining.length === 0 };
}
