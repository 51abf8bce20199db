/**
 * DSP-5: the forms address text is compared in. Buyers type the same thing many ways ("São Paulo",
 * "SAO PAULO", "Sao-Paulo"), so comparisons ignore case, accents and punctuation.
 */

/** Lower case, no accents, every run of non-letters/digits one space: "São-Paulo " → "sao paulo". */
export function normaliseText(value: string | null | undefined): string {
  return (value ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A postal code as formats are written: upper case, trimmed, inner spaces collapsed to one. */
export function normalisePostalCode(value: string | null | undefined): string {
  return (value ?? '').trim().toUpperCase().replace(/\s+/g, ' ');
}

/** A postal code reduced to its letters and digits, for prefix comparisons ("28 013" → "28013"). */
export function compactPostalCode(value: string): string {
  return value.replace(/[^A-Z0-9]/g, '');
}

/** How many letters (any script) a text has. */
export function letterCount(value: string | null | undefined): number {
  return (value ?? '').match(/\p{L}/gu)?.length ?? 0;
}

/** The country code as stored: trimmed, upper case. */
export function normaliseCountry(value: string | null | undefined): string {
  return (value ?? '').trim().toUpperCase();
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** "BR" → "Brazil", for messages; the code itself when the runtime does not know it. */
export function countryName(code: string): string {
  const normalised = normaliseCountry(code);
  if (!/^[A-Z]{2}$/.test(normalised)) return code;
  try {
    return regionNames.of(normalised) ?? normalised;
  } catch {
    return normalised;
  }
}
