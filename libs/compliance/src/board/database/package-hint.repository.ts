import { Injectable } from '@nestjs/common';
import type { Tx } from '@tradehub/platform';

/**
 * Which package a Fulfillment flag is about. Its `risk-flag-raised` carries the order but no
 * package; the package event before it names one (same order, same partition, so it arrives first).
 * A hint is noted from that event and taken by the flag.
 */
@Injectable()
export class PackageHintRepository {
  async note(tx: Tx, orderId: string, code: string, packageId: string, at: Date): Promise<void> {
    await tx.query(
      `insert into compliance.board_package_hints (order_id, code, package_id, noted_at) values (?, ?, ?, ?)
       on conflict (order_id, code, package_id) do update set noted_at = excluded.noted_at`,
      [orderId, code, packageId, at],
    );
  }

  /** Takes the oldest hint of the order for this code (FIFO: the first proof opened is the first overdue). */
  async take(tx: Tx, orderId: string, code: string): Promise<string | null> {
    const [row] = await tx.query<{ package_id: string }>(
      `delete from compliance.board_package_hints
        where (order_id, code, package_id) = (
          select order_id, code, package_id from compliance.board_package_hints
           where order_id = ? and code = ? order by noted_at, package_id limit 1 for update)
        returning package_id`,
      [orderId, code],
    );
    return row?.package_id ?? null;
  }

  /** The package's hint is no longer needed (its proof was reviewed before it was overdue). */
  async drop(tx: Tx, orderId: string, code: string, packageId: string): Promise<void> {
    await tx.query(
      `delete from compliance.board_package_hints where order_id = ? and code = ? and package_id = ?`,
      [orderId, code, packageId],
    );
  }
}
