import { Injectable } from '@nestjs/common';
import type { Database, Tx } from '../database/unit-of-work';

export interface DueTimer {
  id: string;
  kind: string;
  subject: string;
  dueAt: Date;
  payload: Record<string, unknown>;
}

/**
 * Turns a due timer into a command. It fires inside a transaction of its context's database, so
 * the command's effect and "fired" commit together (a command that wrote nothing has its timer
 * marked fired with others: TimerSweeper).
 */
export interface TimerHandler {
  readonly kind: string;
  /** The database the command writes to; the platform's own when absent. */
  readonly database?: Database;
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

  /** Timer kinds this process can fire: a process running some contexts leaves the others' timers alone. */
  kinds(): string[] {
    return [...this.byKind.keys()];
  }
}
