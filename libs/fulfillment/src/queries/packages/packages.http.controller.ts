import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequiredScope, StoreScope, uuidParam } from '@tradehub/platform';
import { CarrierCatalog } from '../../domain';
import { PackageResponse } from '../../views/package.response';
import { GetPackageQuery, OrderPackagesQuery } from './packages.queries';

export class CarrierResponse {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['marketplace_logistics', 'online_carrier'] }) kind!: string;
  @ApiProperty({ description: 'Tracking numbers must match this pattern (FUL-2)' }) trackingPattern!: string;
}

@ApiTags('fulfillment')
@ApiBearerAuth()
@Controller('v1')
export class PackagesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly carriers: CarrierCatalog,
  ) {}

  @Get('orders/:orderId/packages')
  @RequiredScope('orders:read')
  @ApiOperation({ summary: "An order's packages with their logistics status" })
  @ApiOkResponse({ type: [PackageResponse] })
  ofOrder(
    @Param('orderId', uuidParam('orderId')) orderId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PackageResponse[]> {
    return this.queries.execute(new OrderPackagesQuery(orderId, StoreScope.of(principal)));
  }

  @Get('packages/:packageId')
  @RequiredScope('orders:read')
  @ApiOperation({ summary: 'One package with its tracking history' })
  @ApiOkResponse({ type: PackageResponse })
  get(
    @Param('packageId', uuidParam('packageId')) packageId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PackageResponse> {
    return this.queries.execute(new GetPackageQuery(packageId, StoreScope.of(principal)));
  }

  /** FUL-1: the approved channels and their tracking-number patterns. */
  @Get('carriers')
  @RequiredScope('orders:read')
  @ApiOperation({ summary: 'Approved carriers (FUL-1) and their tracking-number patterns' })
  @ApiOkResponse({ type: [CarrierResponse] })
  listCarriers(): CarrierResponse[] {
    return this.carriers
      .list()
      .map((c) => ({ code: c.code, name: c.name, kind: c.kind, trackingPattern: c.trackingPattern.source }));
  }
}
