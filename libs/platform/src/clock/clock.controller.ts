import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { RequiredScope } from '../auth/scopes';
import { SandboxService } from './sandbox.service';
import { SandboxClock } from './sandbox-clock';

export class ServerTimeResponse {
  @ApiProperty({
    format: 'date-time',
    description: "The server's now (ISO 8601, UTC): every deadline is counted from it",
  })
  now!: string;

  @ApiProperty({ description: 'True in the sandbox, where now is the simulated clock' })
  simulated!: boolean;
}

/**
 * The time every deadline is measured against, for any signed-in caller: a countdown drawn from
 * the caller's own clock is wrong by its drift, and in the sandbox by however far the clock moved.
 */
@ApiTags('clock')
@ApiBearerAuth()
@Controller('v1/clock')
export class ClockController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sandbox: SandboxService,
  ) {}

  @Get()
  @RequiredScope('orders:read')
  @ApiOperation({
    summary: "The server's current time (simulated in the sandbox), for countdowns to deadlines",
  })
  @ApiOkResponse({ type: ServerTimeResponse })
  async get(): Promise<ServerTimeResponse> {
    // The sandbox clock may have been moved by another replica: read it, as the sandbox's own route does.
    const simulated = this.clock instanceof SandboxClock;
    const now = simulated ? await this.sandbox.now() : this.clock.now();
    return { now: now.toISOString(), simulated };
  }
}
