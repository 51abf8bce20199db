import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** One topic per context: `<namespace>.<context>.v1` (namespace `tradehub` unless configured). */
@Injectable()
export class Topics {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  forContext(context: string): string {
    return `${this.config.kafka.namespace}.${context}.v1`;
  }

  /** Inbound topics other teams publish to. */
  get checkout(): string {
    return this.config.kafka.checkoutTopic;
  }

  get logistics(): string {
    return this.config.kafka.logisticsTopic;
  }
}
