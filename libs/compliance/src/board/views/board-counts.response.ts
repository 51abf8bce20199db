import { ApiProperty } from '@nestjs/swagger';
import { RISK_CODES, RISK_TYPES } from '../domain/risk-types';

/** CMP-5: one risk type's red badge. */
export class BoardTypeCountResponse {
  @ApiProperty({ minimum: 1, maximum: 17 }) riskType!: number;
  @ApiProperty({ enum: RISK_CODES }) code!: string;
  @ApiProperty({ description: 'Open flags of this type' }) open!: number;
}

export class BoardCountsResponse {
  @ApiProperty({ description: 'Open flags of every type' }) open!: number;
  @ApiProperty({
    type: [BoardTypeCountResponse],
    description: 'All 17 types in the rulebook order, 0 included',
  })
  types!: BoardTypeCountResponse[];
}

/** Every type of the table, with 0 where nothing is open: the dashboard draws all 17 badges. */
export function boardCountsView(open: ReadonlyMap<number, number>): BoardCountsResponse {
  const types = RISK_TYPES.map((t) => ({ riskType: t.number, code: t.code, open: open.get(t.number) ?? 0 }));
  return { open: types.reduce((sum, t) => sum + t.open, 0), types };
}
