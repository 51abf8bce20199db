import { RuleViolation } from '@tradehub/kernel';
import type { ShippedLine } from '../contract';
import type { OrderLine } from './order';

/**
 * FUL-2: partial shipment is allowed; the order is shipped when every line is. Returns the
 * lines after this shipment and the lines it covered (all that remain when `shipped` is null).
 */
export function applyShipment(
  lines: readonly OrderLine[],
  shipped: readonly ShippedLine[] | null,
): { lines: OrderLine[]; covered: ShippedLine[] } {
  const wanted: ShippedLine[] = shipped
    ? [...shipped]
    : lines
        .filter((l) => l.shippedQuantity < l.quantity)
        .map((l) => ({ lineId: l.lineId, quantity: l.quantity - l.shippedQuantity }));
  if (wanted.length === 0)
    throw new RuleViolation('NOTHING_LEFT_TO_SHIP', 'every line of this order has already shipped', 'lines');
  const next = lines.map((l) => ({ ...l }));
  wanted.forEach((item, i) => {
    const line = next.find((l) => l.lineId === item.lineId);
    if (!line)
      throw new RuleViolation(
        'UNKNOWN_ORDER_LINE',
        `order has no line '${item.lineId}'`,
        `lines[${i}].lineId`,
      );
    if (item.quantity < 1 || line.shippedQuantity + item.quantity > line.quantity) {
      throw new RuleViolation(
        'LINE_OVER_SHIPPED',
        `line '${item.lineId}' has ${line.quantity - line.shippedQuantity} left to ship`,
        `lines[${i}].quantity`,
      );
    }
    line.shippedQuantity += item.quantity;
  });
  return { lines: next, covered: wanted };
}

export function allShipped(lines: readonly OrderLine[]): boolean {
  return lines.every((l) => l.shippedQuantity >= l.quantity);
}
