import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** ORD-6: one store, one main account, or every store the caller may see. */
export class ComplianceStoreFilterDto {
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: 'must be a store id' }) storeId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID, { message: 'must be a main account id' })
  mainAccountId?: string;
}

export class ExportDto extends ComplianceStoreFilterDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'], { message: 'must be csv or xlsx' })
  format?: 'csv' | 'xlsx';
}

export class RebuildDto {
  @ApiPropertyOptional({ description: 'One store; all stores when absent' })
  @IsOptional()
  @Matches(ID, { message: 'must be a store id' })
  storeId?: string;
}
