import { ConfigError } from '@tradehub/platform';
import { loadPenaltyPolicy } from './penalties.config';

describe('penalty configuration', () => {
  it("CMP-4: the rulebook's defaults: 6 points per confirmed case, the second case closes", () => {
    expect(loadPenaltyPolicy({})).toEqual({ pointsPerCase: 6, casesToClose: 2 });
  });

  it('CMP-4: both numbers come from the environment; a bad value stops the start with its name', () => {
    expect(
      loadPenaltyPolicy({ PENALTY_POINTS_PER_FAKE_SHIPMENT: '12', PENALTY_CASES_TO_CLOSE: '3' }),
    ).toEqual({ pointsPerCase: 12, casesToClose: 3 });
    expect(() => loadPenaltyPolicy({ PENALTY_CASES_TO_CLOSE: '0' })).toThrow(ConfigError);
    expect(() => loadPenaltyPolicy({ PENALTY_POINTS_PER_FAKE_SHIPMENT: 'six' })).toThrow(
      /PENALTY_POINTS_PER_FAKE_SHIPMENT/,
    );
  });
});
