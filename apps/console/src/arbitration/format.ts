const sizeFormats = new Map<string, Intl.NumberFormat>();

/** A file's size for people: bytes, kB or MB (1000s, as the units are named), one decimal at most. */
export function formatFileSize(bytes: number, locale: string): string {
  const [value, unit] =
    bytes < 1000
      ? [bytes, 'byte']
      : bytes < 1_000_000
        ? [bytes / 1000, 'kilobyte']
        : [bytes / 1_000_000, 'megabyte'];
  const key = `${locale}|${unit}`;
  let format = sizeFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    });
    sizeFormats.set(key, format);
  }
  return format.format(value);
}

/** The case's reference on screen: the marketplace's request id, which both sides quote. */
export const caseReference = (request: { marketplaceRequestId: string }): string =>
  request.marketplaceRequestId;
