import { Injectable } from '@nestjs/common';
import { Tx } from '../database/unit-of-work';

export interface DueTimer {
  id: string;
  kind: string;
  subject: string;
  dueAt: Date;
  payload: Record<string, unknown>;
}

/** Turns a due timer into a command. Runs inside the claiming transaction, so the effect and "fired" commit together. */
export interface TimerHandler {
  readonly kind: string;
  fire(timer: DueTimer, tx: Tx): Promise<void>;
}

@Injectable()
export class TimerHandlers {
  private readonly byKind = new Map<string, TimerHandler>();

  register(handler: TimerHandler): void {
    if (this.byKind.has(handler.kind)) throw new Error(`timer handler '${handler.kind}' registered twice`);
    this.byKind.set(handler.kind, handler);
  }

  get(kind: string): TimerHandler | undefined {
    return this.byKind.get(kind);
  }
}
