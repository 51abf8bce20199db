import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { instantDoc, IsInstant } from '../http/is-instant';
import { INSTANT_RANGE_TEXT, isInstantInRange, RuleViolation, ValidationError } from '@tradehub/kernel';
import { AllowedCallers } from '../auth/decorators';
import { RequiredScope } from '../auth/scopes';
import { SandboxService } from './sandbox.service';

export class AdvanceClockRequest {
  @ApiPropertyOptional({ description: 'Seconds to move forward', example: 14400 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(400 * 24 * 3600)
  seconds?: number;

  @ApiPropertyOptional(instantDoc('Instant to move to', { example: '2026-12-01T00:00:00Z' }))
  @IsOptional()
  @IsInstant()
  to?: string;
}

export class ClockResponse {
  @ApiProperty({ format: 'date-time', description: 'Simulated time now (ISO 8601, UTC)' }) now!: string;
}

export class AdvanceClockResponse extends ClockResponse {
  @ApiProperty({ format: 'date-time', description: 'Simulated time before the advance' }) from!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Timers fired on the way, in due order' })
  firedTimers!: number;
}

/** Sandbox only (never in production): the simulated clock, advanced like a Stripe test clock. */
@ApiTags('sandbox')
@ApiBearerAuth()
@AllowedCallers('operator', 'service')
@Controller('v1/sandbox/clock')
export class SandboxController {
  constructor(private readonly sandbox: SandboxService) {}

  @Get()
  @RequiredScope('sandbox:clock')
  @ApiOperation({ summary: 'Current simulated time' })
  @ApiOkResponse({ type: ClockResponse })
  async get(): Promise<ClockResponse> {
    return { now: (await this.sandbox.now()).toISOString() };
  }

  @Post('advance')
  @RequiredScope('sandbox:clock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Advance simulated time, firing every timer that falls due, in order' })
  @ApiOkResponse({ type: AdvanceClockResponse })
  async advance(@Body() body: AdvanceClockRequest): Promise<AdvanceClockResponse> {
    if ((body.seconds === undefined) === (body.to === undefined)) {
      throw new ValidationError('give exactly one of seconds or to', 'seconds');
    }
    const from = await this.sandbox.now();
    const target = body.to ? new Date(body.to) : new Date(from.getTime() + body.seconds! * 1000);
    // `to` was checked against the supported range; a number of seconds can only be checked here.
    if (!isInstantInRange(target.getTime())) {
      throw new RuleViolation(
        'CLOCK_OUT_OF_RANGE',
        `would move the sandbox clock past the supported range (${INSTANT_RANGE_TEXT})`,
        'seconds',
      );
    }
    const result = await this.sandbox.advanceTo(target);
    return {
      from: result.from.toISOString(),
      now: result.now.toISOString(),
      firedTimers: result.firedTimers,
    };
  }
}
