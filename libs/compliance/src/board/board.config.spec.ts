import { ConfigError } from '@tradehub/platform';
import { BOARD_SETTINGS, boardSeverity, loadBoardSeverities } from './board.config';
import { riskTypeOf } from './domain/risk-types';

const type = (code: string) => riskTypeOf(code)!;

describe('CMP-5: severity configuration of the risk board', () => {
  it('CMP-5: without settings no type is overridden', () => {
    expect(loadBoardSeverities({})).toEqual({});
    expect(loadBoardSeverities({ RISK_SEVERITY_NO_FIRST_SCAN: '' })).toEqual({});
  });

  it('CMP-5: RISK_SEVERITY_<CODE> sets the severity of its type', () => {
    expect(
      loadBoardSeverities({
        RISK_SEVERITY_SHIP_DEADLINE_MISSED: 'critical',
        RISK_SEVERITY_SERIAL_RETURNER: 'low',
      }),
    ).toEqual({ SHIP_DEADLINE_MISSED: 'critical', SERIAL_RETURNER: 'low' });
  });

  it.each([
    ['RISK_SEVERITY_LOGISTICS_STALLED', 'HIGH'],
    ['RISK_SEVERITY_DSR_BELOW_CAMPAIGN_BAR', 'red'],
    ['RISK_SEVERITY_SHIP_DEADLINE_NEAR', ' high'],
  ])('CMP-5: a bad %s (%s) is refused by its name', (name, value) => {
    expect(() => loadBoardSeverities({ [name]: value })).toThrow(ConfigError);
    expect(() => loadBoardSeverities({ [name]: value })).toThrow(name);
  });

  it('CMP-5: the settings list names one setting per type, each read by the loader', () => {
    expect(BOARD_SETTINGS).toHaveLength(17);
    for (const s of BOARD_SETTINGS) expect(() => loadBoardSeverities({ [s.name]: 'x' })).toThrow(s.name);
  });

  it('CMP-5: configured wins over what the context sent, which wins over the type default', () => {
    const configured = loadBoardSeverities({ RISK_SEVERITY_SHIP_DEADLINE_MISSED: 'critical' });
    expect(boardSeverity(configured, type('SHIP_DEADLINE_MISSED'), 'high')).toBe('critical');
    expect(boardSeverity(configured, type('SHIP_DEADLINE_NEAR'), 'low')).toBe('low');
    expect(boardSeverity(configured, type('DISPUTE_RATE_HIGH'), undefined)).toBe('high');
    expect(boardSeverity({}, type('NEGATIVE_REVIEW_TENDENCY'), undefined)).toBe('medium');
  });
});
