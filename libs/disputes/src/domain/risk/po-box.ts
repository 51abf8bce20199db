import { normaliseText } from './address-text';

/**
 * DSP-5: post-office box wordings, matched on the normalised line (lower case, no accents, no
 * punctuation: "P.O. Box" → "p o box"). Couriers cannot deliver to a box, so such orders often end
 * in "not received" disputes. Kept to explicit wordings: a street named "Box Hill" is not a box.
 */
const PO_BOX_PATTERNS: readonly RegExp[] = [
  /(^| )p ?o ?box( |$)/, // PO Box, P.O. Box, POBox
  /(^| )post office box( |$)/,
  /(^| )postfach( |$)/, // DE, AT, CH
  /(^| )apartado (de )?correos?( |$)/, // ES
  /(^| )apartado postal( |$)/, // MX
  /(^| )casilla (de )?correos?( |$)/, // CL, AR
  /(^| )boite postale( |$)/, // FR, BE
  /^b ?p \d+( |$)/, // "BP 123", "B.P. 123"
  /(^| )caixa postal( |$)/, // BR, PT
  /(^| )casella postale( |$)/, // IT
  /(^| )postbus( |$)/, // NL
  /(^| )skrytka pocztowa( |$)/, // PL
  /(^| )box \d+( |$)/, // SE, "Box 1234"
  /(^| )абонентскии ящик( |$)/, // RU (normalised "абонентский ящик")
  /(^| )а я \d+( |$)/, // RU, "а/я 12"
  /私書箱/, // JP
];

/** True when the line reads as a post-office box. */
export function isPoBox(line: string | null | undefined): boolean {
  const normalised = normaliseText(line);
  return normalised !== '' && PO_BOX_PATTERNS.some((pattern) => pattern.test(normalised));
}
