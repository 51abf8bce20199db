import { compactPostalCode, normaliseText } from './address-text';

/**
 * DSP-5: a small gazetteer of major cities, to catch a city that does not fit its postal code or
 * country ("Madrid, 08001" or "Madrid, France"). Only big, well-known names are listed, and a name
 * shared by towns elsewhere (Paris, Texas; London, Ontario) lists those countries too, so a
 * legitimate namesake is never flagged. `postalPrefixes` are compared with the start of the postal
 * code without spaces or dashes, except in GB where they are whole postcode areas (the leading
 * letters: "N" is not "NW"). No prefixes: the country is known, the postal code is not checked.
 */
export interface GazetteerPlace {
  country: string;
  postalPrefixes?: readonly string[];
}

interface GazetteerEntry {
  names: readonly string[];
  places: readonly GazetteerPlace[];
}

const range = (from: number, to: number, width: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(width, '0'));

const ENTRIES: readonly GazetteerEntry[] = [
  // Spain
  { names: ['Madrid'], places: [{ country: 'ES', postalPrefixes: ['28'] }] },
  { names: ['Barcelona'], places: [{ country: 'ES', postalPrefixes: ['08'] }, { country: 'VE' }] },
  { names: ['Sevilla', 'Seville'], places: [{ country: 'ES', postalPrefixes: ['41'] }] },
  { names: ['Valencia'], places: [{ country: 'ES', postalPrefixes: ['46'] }, { country: 'VE' }] },
  // France
  {
    names: ['Paris'],
    places: [{ country: 'FR', postalPrefixes: ['75'] }, { country: 'US' }, { country: 'CA' }],
  },
  { names: ['Lyon'], places: [{ country: 'FR', postalPrefixes: ['69'] }] },
  { names: ['Marseille'], places: [{ country: 'FR', postalPrefixes: ['13'] }] },
  // Germany (Berlin 10xxx-14xxx; Frankfurt am Main 60/65, Frankfurt (Oder) 15)
  { names: ['Berlin'], places: [{ country: 'DE', postalPrefixes: range(10, 14, 2) }, { country: 'US' }] },
  { names: ['Hamburg'], places: [{ country: 'DE', postalPrefixes: ['20', '21', '22'] }, { country: 'US' }] },
  { names: ['Munich', 'Muenchen', 'München'], places: [{ country: 'DE', postalPrefixes: ['80', '81'] }] },
  { names: ['Cologne', 'Köln', 'Koeln'], places: [{ country: 'DE', postalPrefixes: ['50', '51'] }] },
  { names: ['Frankfurt'], places: [{ country: 'DE', postalPrefixes: ['60', '65', '15'] }] },
  // Italy
  { names: ['Rome', 'Roma'], places: [{ country: 'IT', postalPrefixes: ['00'] }, { country: 'US' }] },
  { names: ['Milan', 'Milano'], places: [{ country: 'IT', postalPrefixes: ['20'] }] },
  // Benelux
  { names: ['Amsterdam'], places: [{ country: 'NL', postalPrefixes: ['10', '11'] }, { country: 'US' }] },
  { names: ['Rotterdam'], places: [{ country: 'NL', postalPrefixes: ['30', '31'] }] },
  {
    names: ['Brussels', 'Bruxelles', 'Brussel'],
    places: [{ country: 'BE', postalPrefixes: ['10', '11', '12'] }],
  },
  // Poland, Portugal, Sweden
  { names: ['Warsaw', 'Warszawa'], places: [{ country: 'PL', postalPrefixes: range(0, 4, 2) }] },
  { names: ['Krakow', 'Kraków', 'Cracow'], places: [{ country: 'PL', postalPrefixes: ['30', '31'] }] },
  { names: ['Lisbon', 'Lisboa'], places: [{ country: 'PT', postalPrefixes: ['1'] }] },
  { names: ['Porto', 'Oporto'], places: [{ country: 'PT', postalPrefixes: ['4'] }] },
  { names: ['Stockholm'], places: [{ country: 'SE', postalPrefixes: ['1'] }] },
  // Russia, Ukraine
  {
    names: ['Moscow', 'Moskva', 'Москва'],
    places: [{ country: 'RU', postalPrefixes: ['1'] }, { country: 'US' }],
  },
  {
    names: ['Saint Petersburg', 'St Petersburg', 'Sankt Peterburg', 'Санкт-Петербург'],
    places: [
      { country: 'RU', postalPrefixes: ['19'] },
      { country: 'US', postalPrefixes: ['337'] },
    ],
  },
  { names: ['Kyiv', 'Kiev', 'Київ', 'Киев'], places: [{ country: 'UA', postalPrefixes: range(1, 4, 2) }] },
  // Americas
  {
    names: ['Sao Paulo', 'São Paulo'],
    places: [{ country: 'BR', postalPrefixes: range(1, 9, 2) }],
  },
  { names: ['Rio de Janeiro'], places: [{ country: 'BR', postalPrefixes: ['20', '21', '22', '23'] }] },
  {
    names: ['Mexico City', 'Ciudad de Mexico', 'Ciudad de México', 'CDMX'],
    places: [{ country: 'MX', postalPrefixes: range(1, 16, 2) }],
  },
  {
    names: ['Guadalajara'],
    places: [
      { country: 'MX', postalPrefixes: ['44', '45'] },
      { country: 'ES', postalPrefixes: ['19'] },
    ],
  },
  {
    names: ['New York', 'New York City', 'NYC'],
    places: [{ country: 'US', postalPrefixes: [...range(100, 104, 3), ...range(110, 116, 3)] }],
  },
  {
    names: ['Los Angeles'],
    places: [
      { country: 'US', postalPrefixes: [...range(900, 908, 3), ...range(910, 918, 3)] },
      { country: 'CL' },
    ],
  },
  { names: ['Chicago'], places: [{ country: 'US', postalPrefixes: ['606', '607', '608'] }] },
  { names: ['San Francisco'], places: [{ country: 'US', postalPrefixes: ['941'] }] },
  { names: ['Toronto'], places: [{ country: 'CA', postalPrefixes: ['M'] }] },
  { names: ['Montreal', 'Montréal'], places: [{ country: 'CA', postalPrefixes: ['H'] }] },
  { names: ['Vancouver'], places: [{ country: 'CA', postalPrefixes: ['V'] }, { country: 'US' }] },
  // United Kingdom: postcode areas
  {
    names: ['London'],
    places: [
      {
        country: 'GB',
        postalPrefixes: [
          'E',
          'EC',
          'N',
          'NW',
          'SE',
          'SW',
          'W',
          'WC',
          'BR',
          'CR',
          'DA',
          'EN',
          'HA',
          'IG',
          'KT',
          'RM',
          'SM',
          'TW',
          'UB',
        ],
      },
      { country: 'CA', postalPrefixes: ['N5', 'N6'] },
      { country: 'US' },
    ],
  },
  { names: ['Manchester'], places: [{ country: 'GB', postalPrefixes: ['M'] }, { country: 'US' }] },
  { names: ['Birmingham'], places: [{ country: 'GB', postalPrefixes: ['B'] }, { country: 'US' }] },
  { names: ['Edinburgh'], places: [{ country: 'GB', postalPrefixes: ['EH'] }] },
  // Asia-Pacific, Middle East
  { names: ['Sydney'], places: [{ country: 'AU', postalPrefixes: ['2'] }, { country: 'CA' }] },
  { names: ['Melbourne'], places: [{ country: 'AU', postalPrefixes: ['3'] }, { country: 'US' }] },
  { names: ['Tokyo', '東京'], places: [{ country: 'JP', postalPrefixes: ['1', '20'] }] },
  { names: ['Osaka', '大阪'], places: [{ country: 'JP', postalPrefixes: ['53', '54', '55'] }] },
  { names: ['Seoul', '서울'], places: [{ country: 'KR', postalPrefixes: range(1, 8, 2) }] },
  { names: ['Busan', '부산'], places: [{ country: 'KR', postalPrefixes: ['46', '47', '48', '49'] }] },
  { names: ['Beijing', '北京'], places: [{ country: 'CN', postalPrefixes: ['100', '101', '102'] }] },
  { names: ['Shanghai', '上海'], places: [{ country: 'CN', postalPrefixes: ['200', '201', '202'] }] },
  { names: ['Shenzhen', '深圳'], places: [{ country: 'CN', postalPrefixes: ['518'] }] },
  { names: ['Tel Aviv', 'Tel Aviv-Yafo'], places: [{ country: 'IL', postalPrefixes: ['6'] }] },
  { names: ['Riyadh'], places: [{ country: 'SA', postalPrefixes: ['11', '12', '13', '14'] }] },
  { names: ['Jeddah', 'Jiddah'], places: [{ country: 'SA', postalPrefixes: ['21', '22', '23'] }] },
  { names: ['Dubai'], places: [{ country: 'AE' }] },
  { names: ['Abu Dhabi'], places: [{ country: 'AE' }] },
  { names: ['Istanbul', 'İstanbul'], places: [{ country: 'TR', postalPrefixes: ['34'] }] },
  { names: ['Ankara'], places: [{ country: 'TR', postalPrefixes: ['06'] }] },
  { names: ['Mumbai', 'Bombay'], places: [{ country: 'IN', postalPrefixes: ['400'] }] },
  { names: ['New Delhi', 'Delhi'], places: [{ country: 'IN', postalPrefixes: ['110'] }] },
  { names: ['Bengaluru', 'Bangalore'], places: [{ country: 'IN', postalPrefixes: ['560'] }] },
];

const BY_NAME: ReadonlyMap<string, readonly GazetteerPlace[]> = new Map(
  ENTRIES.flatMap((entry) => entry.names.map((name) => [normaliseText(name), entry.places] as const)),
);

/** The places a city name can mean, or undefined for a city the gazetteer does not know. */
export function lookUpCity(city: string): readonly GazetteerPlace[] | undefined {
  return BY_NAME.get(normaliseText(city));
}

/** True when the (normalised, format-valid) postal code lies in one of the place's prefixes. */
export function postalCodeInPlace(place: GazetteerPlace, postalCode: string): boolean {
  if (!place.postalPrefixes?.length) return true;
  const compact = compactPostalCode(postalCode);
  if (place.country === 'GB') {
    const area = /^[A-Z]+/.exec(compact)?.[0] ?? '';
    return place.postalPrefixes.includes(area);
  }
  return place.postalPrefixes.some((prefix) => compact.startsWith(prefix));
}
