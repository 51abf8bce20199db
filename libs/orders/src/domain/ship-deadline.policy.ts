import { addMs, HOUR_MS, RuleViolation } from '@tradehub/kernel';

export interface ShipDeadlineConfig {
  shipWindowHours: number;
  shipWarningHours: number;
}

export interface ShipDeadlines {
  shipBy: Date;
  /** When the SHIP_DEADLINE_NEAR warning fires; null if the window is shorter than the warning. */
  warnAt: Date | null;
}

/**
 * ORD-2: a non-presale order ships within the configured window (4 h) of payment, warned the
 * configured time (1 h) before. ORD-3: a presale order's deadline is its own ship-by date.
 * Computed once from payment and stored with the order (a durable timer), never from "now".
 */
export function shipDeadlines(
  paidAt: Date,
  presale: { shipBy: Date } | null,
  config: ShipDeadlineConfig,
): ShipDeadlines {
  const shipBy = presale ? presale.shipBy : addMs(paidAt, config.shipWindowHours * HOUR_MS);
  if (shipBy.getTime() <= paidAt.getTime()) {
    throw new RuleViolation(
      'PRESALE_SHIP_BY_BEFORE_PAYMENT',
      'presale ship-by date must be after payment',
      'presale.shipBy',
    );
  }
  const warnAt = addMs(shipBy, -config.shipWarningHours * HOUR_MS);
  return { shipBy, warnAt: warnAt.getTime() > paidAt.getTime() ? warnAt : null };
}
