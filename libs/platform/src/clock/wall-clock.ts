/**
 * Wall time in ms for what is not business time: health timestamps and call deadlines between
 * processes. Business time always comes from the injected Clock (sandbox or system).
 */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}
