import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** One topic per context: `<namespace>.<context>.v1` (namespace `tradehub` unless configured). */
@Injectable()
export class Topics {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  forContext(context: string): string {
    return `${this.config.kafka.namespace}.${context}.v1`;
  }

  /** Where a context takes the commands other processes send it (see remote-commands). */
  commandsFor(context: string): string {
    return `${this.config.kafka.namespace}.${context}.commands.v1`;
  }

  /** Where command answers go; every process reads them all and keeps its own. */
  get replies(): string {
    return `${this.config.kafka.namespace}.replies.v1`;
  }
}
