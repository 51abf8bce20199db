import { ValidationError } from '@tradehub/kernel';
import { validatePackageLines } from './package-lines';

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
});
