import { ValidationError } from '@tradehub/kernel';

/** An order line and the quantity of it one package carries (or the order holds). */
export interface PackageLine {
  lineId: string;
  quantity: number;
}

/** FUL-2: a package carries at least one line, each once, each a positive whole quantity. */
export function validatePackageLines(lines: readonly PackageLine[], field = 'lines'): PackageLine[] {
  if (lines.length === 0) throw new ValidationError('must name at least one order line', field);
  const seen = new Set<string>();
  return lines.map((line, i) => {
    if (typeof line.lineId !== 'string' || line.lineId.trim().length === 0) {
      throw new ValidationError('is required', `${field}[${i}].lineId`);
    }
    if (seen.has(line.lineId)) throw new ValidationError('is listed twice', `${field}[${i}].lineId`);
    seen.add(line.lineId);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      throw new ValidationError('must be a positive whole number', `${field}[${i}].quantity`);
    }
    return { lineId: line.lineId, quantity: line.quantity };
  });
}
