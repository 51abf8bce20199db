import { RiskReason, RiskSignal } from './risk-types';

export interface Finding {
  code: string;
  message: string;
  /** Share of the signal's weight, 0..1. */
  severity: number;
}

/**
 * DSP-5: turns one signal's findings into reasons worth whole points, the most severe first, so
 * that together they never exceed the signal's weight: three small address flaws do not outweigh
 * a buyer who disputes every order. A finding past the cap stays as a reason worth 0 points (the
 * seller still sees it). A signal with weight 0 is switched off and gives no reason at all.
 */
export function cappedReasons(
  signal: RiskSignal,
  weight: number,
  findings: readonly Finding[],
): RiskReason[] {
  if (weight <= 0 || findings.length === 0) return [];
  const bySeverity = [...findings].sort((a, b) => b.severity - a.severity);
  let left = Math.round(weight);
  return bySeverity.map((finding) => {
    const points = Math.min(left, Math.round(weight * clamp01(finding.severity)));
    left -= points;
    return { signal, code: finding.code, message: finding.message, points };
  });
}

export function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
