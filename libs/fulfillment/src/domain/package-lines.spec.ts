import { RuleViolation, ValidationError } from '@tradehub/kernel';
import { planShipment, remainingToShip, validatePackageLines } from './package-lines';

const ordered = [
  { lineId: '1', quantity: 3 },
  { lineId: '2', quantity: 1 },
];

describe('package lines', () => {
  it('FUL-2: a package carries at least one line, each once, in positive whole quantities', () => {
    expect(validatePackageLines([{ lineId: '1', quantity: 2 }])).toEqual([{ lineId: '1', quantity: 2 }]);
    expect(() => validatePackageLines([])).toThrow(ValidationError);
    const cases = [
      [[{ lineId: '', quantity: 1 }], 'lines[0].lineId'],
      [[{ lineId: '1', quantity: 0 }], 'lines[0].quantity'],
      [[{ lineId: '1', quantity: 1.5 }], 'lines[0].quantity'],
      [
        [
          { lineId: '1', quantity: 1 },
          { lineId: '1', quantity: 1 },
        ],
        'lines[1].lineId',
      ],
    ] as const;
    for (const [lines, field] of cases) {
      expect(() => validatePackageLines(lines)).toThrow(expect.objectContaining({ field }));
    }
  });

  it('FUL-2: partial shipment leaves the rest of the order to ship', () => {
    const plan = planShipment(ordered, [], [{ lineId: '1', quantity: 2 }]);
    expect(plan).toEqual({
      remaining: [
        { lineId: '1', quantity: 1 },
        { lineId: '2', quantity: 1 },
      ],
      fullyShipped: false,
    });
  });

  it('FUL-2: the order is shipped when all its lines are', () => {
    const shipped = [{ lineId: '1', quantity: 2 }];
    const plan = planShipment(ordered, shipped, [
      { lineId: '1', quantity: 1 },
      { lineId: '2', quantity: 1 },
    ]);
    expect(plan).toEqual({ remaining: [], fullyShipped: true });
  });

  it('FUL-2: refuses a line the order does not have', () => {
    expect(() => planShipment(ordered, [], [{ lineId: '9', quantity: 1 }])).toThrow(
      expect.objectContaining({
        constructor: RuleViolation,
        code: 'UNKNOWN_ORDER_LINE',
        field: 'lines[0].lineId',
      }),
    );
  });

  it('FUL-2: refuses more of a line than is left to ship', () => {
    const shipped = [
      { lineId: '1', quantity: 2 },
      { lineId: '2', quantity: 1 },
    ];
    expect(() => planShipment(ordered, shipped, [{ lineId: '2', quantity: 1 }])).toThrow(
      expect.objectContaining({ code: 'LINE_QUANTITY_EXCEEDED', field: 'lines[0].quantity' }),
    );
    expect(() => planShipment(ordered, shipped, [{ lineId: '1', quantity: 2 }])).toThrow(
      expect.objectContaining({ code: 'LINE_QUANTITY_EXCEEDED', message: 'only 1 left to ship' }),
    );
  });

  it('FUL-2: sums what several packages already shipped of one line', () => {
    const shipped = [
      { lineId: '1', quantity: 1 },
      { lineId: '1', quantity: 1 },
    ];
    expect(remainingToShip(ordered, shipped)).toEqual([
      { lineId: '1', quantity: 1 },
      { lineId: '2', quantity: 1 },
    ]);
  });
});
