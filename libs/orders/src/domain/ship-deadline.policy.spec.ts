import { RuleViolation } from '@tradehub/kernel';
import { shipDeadlines } from './ship-deadline.policy';

const config = { shipWindowHours: 4, shipWarningHours: 1 };
const paidAt = new Date('2026-11-26T10:15:00.000Z');

describe('ship-by deadlines', () => {
  it('ORD-2: a non-presale order must ship within 4 hours of payment, warned 1 hour before', () => {
    expect(shipDeadlines(paidAt, null, config)).toEqual({
      shipBy: new Date('2026-11-26T14:15:00.000Z'),
      warnAt: new Date('2026-11-26T13:15:00.000Z'),
    });
  });

  it('ORD-2: the window and the warning come from configuration', () => {
    const { shipBy, warnAt } = shipDeadlines(paidAt, null, { shipWindowHours: 48, shipWarningHours: 6 });
    expect(shipBy.toISOString()).toBe('2026-11-28T10:15:00.000Z');
    expect(warnAt?.toISOString()).toBe('2026-11-28T04:15:00.000Z');
  });

  it('ORD-2: no warning when the window is shorter than the warning lead', () => {
    expect(shipDeadlines(paidAt, null, { shipWindowHours: 0.5, shipWarningHours: 1 }).warnAt).toBeNull();
  });

  it('ORD-3: a presale order takes the ship-by date carried on the order', () => {
    const presale = { shipBy: new Date('2026-12-10T00:00:00.000Z') };
    expect(shipDeadlines(paidAt, presale, config)).toEqual({
      shipBy: presale.shipBy,
      warnAt: new Date('2026-12-09T23:00:00.000Z'),
    });
  });

  it('ORD-3: a presale ship-by date before payment is refused', () => {
    expect(() => shipDeadlines(paidAt, { shipBy: new Date('2026-11-26T10:00:00.000Z') }, config)).toThrow(
      RuleViolation,
    );
  });
});
