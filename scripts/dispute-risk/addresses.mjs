// Shipping addresses of the synthetic world: per country, some cities with postal codes drawn
// from their real ranges, streets, and the local way of writing a PO box; then the defects an
// order may carry (each drawn independently). Some cities are deliberately not in the scorer's
// gazetteer, and one country (CZ) is not in its postal table, so part of the planted defects
// cannot be seen: the evaluation measures that loss instead of hiding it.
import { pad } from './random.mjs';

const GB_INWARD = 'ABDEFGHJLNPQRSTUWXYZ';
const CA_LETTER = 'ABCEGHJKLMNPRSTVWXYZ';

/** postal(r) draws a code of the city. */
const COUNTRIES = [
  {
    code: 'US',
    weight: 14,
    streets: ['Main Street', 'Oak Avenue', 'Maple Drive', 'Park Avenue'],
    streetFirst: false,
    poBox: (r) => `PO Box ${r.int(1, 9999)}`,
    cities: [
      [
        'New York',
        (r) =>
          `1${r.pick(['00', '01', '02', '03', '04', '10', '11', '12', '13', '14', '15', '16'])}${r.digits(2)}`,
      ],
      ['Los Angeles', (r) => `900${r.digits(2)}`],
      ['Chicago', (r) => `606${r.digits(2)}`],
      ['Houston', (r) => `770${r.digits(2)}`],
      ['Phoenix', (r) => `850${r.digits(2)}`],
    ],
  },
  {
    code: 'ES',
    weight: 10,
    streets: ['Calle Mayor', 'Avenida de la Constitución', 'Calle del Sol'],
    streetFirst: true,
    poBox: (r) => `Apartado de Correos ${r.int(1, 999)}`,
    cities: [
      ['Madrid', (r) => `280${r.digits(2)}`],
      ['Barcelona', (r) => `080${r.digits(2)}`],
      ['Sevilla', (r) => `410${r.digits(2)}`],
      ['Zaragoza', (r) => `500${r.digits(2)}`],
      ['Valencia', (r) => `460${r.digits(2)}`],
    ],
  },
  {
    code: 'FR',
    weight: 8,
    streets: ['Rue de la Paix', 'Avenue Victor Hugo', 'Boulevard Voltaire'],
    streetFirst: false,
    poBox: (r) => r.pick([`Boîte postale ${r.int(1, 999)}`, `BP ${r.int(1, 999)}`]),
    cities: [
      ['Paris', (r) => `750${pad(r.int(1, 20), 2)}`],
      ['Lyon', (r) => `6900${r.int(1, 9)}`],
      ['Marseille', (r) => `130${pad(r.int(1, 16), 2)}`],
      ['Toulouse', (r) => `310${r.digits(2)}`],
      ['Lille', (r) => `590${r.digits(2)}`],
    ],
  },
  {
    code: 'BR',
    weight: 8,
    streets: ['Rua Augusta', 'Avenida Paulista', 'Rua das Flores'],
    streetFirst: true,
    poBox: (r) => `Caixa Postal ${r.int(1, 9999)}`,
    cities: [
      ['São Paulo', (r) => `0${r.int(1, 5)}${r.digits(3)}-${r.digits(3)}`],
      ['Rio de Janeiro', (r) => `2${r.int(0, 3)}${r.digits(3)}-${r.digits(3)}`],
      ['Belo Horizonte', (r) => `30${r.digits(3)}-${r.digits(3)}`],
      ['Curitiba', (r) => `80${r.digits(3)}-${r.digits(3)}`],
    ],
  },
  {
    code: 'RU',
    weight: 8,
    streets: ['ul. Tverskaya', 'ul. Lenina', 'prospekt Mira'],
    streetFirst: true,
    poBox: (r) => `а/я ${r.int(1, 999)}`,
    cities: [
      ['Moscow', (r) => `1${r.int(0, 2)}${r.digits(4)}`],
      ['Saint Petersburg', (r) => `19${r.digits(4)}`],
      ['Kazan', (r) => `420${r.digits(3)}`],
      ['Novosibirsk', (r) => `630${r.digits(3)}`],
    ],
  },
  {
    code: 'PL',
    weight: 5,
    streets: ['ul. Marszałkowska', 'ul. Długa', 'ul. Piłsudskiego'],
    streetFirst: true,
    poBox: (r) => `Skrytka pocztowa ${r.int(1, 999)}`,
    cities: [
      ['Warszawa', (r) => `0${r.int(0, 4)}-${r.digits(3)}`],
      ['Kraków', (r) => `3${r.int(0, 1)}-${r.digits(3)}`],
      ['Gdańsk', (r) => `80-${r.digits(3)}`],
      ['Wrocław', (r) => `5${r.int(0, 4)}-${r.digits(3)}`],
    ],
  },
  {
    code: 'DE',
    weight: 6,
    streets: ['Hauptstraße', 'Bahnhofstraße', 'Schillerstraße'],
    streetFirst: true,
    poBox: (r) => `Postfach ${r.int(100, 9999)}`,
    cities: [
      ['Berlin', (r) => `1${r.int(0, 4)}${r.digits(3)}`],
      ['Hamburg', (r) => `2${r.int(0, 2)}${r.digits(3)}`],
      ['München', (r) => `8${r.int(0, 1)}${r.digits(3)}`],
      ['Köln', (r) => `5${r.int(0, 1)}${r.digits(3)}`],
      ['Leipzig', (r) => `04${r.digits(3)}`],
    ],
  },
  {
    code: 'GB',
    weight: 5,
    streets: ['High Street', 'Station Road', 'Church Lane'],
    streetFirst: false,
    poBox: (r) => `PO Box ${r.int(1, 999)}`,
    cities: [
      ['London', (r) => gbPostcode(r, r.pick(['E', 'EC', 'N', 'NW', 'SE', 'SW', 'W', 'WC']))],
      ['Manchester', (r) => gbPostcode(r, 'M')],
      ['Birmingham', (r) => gbPostcode(r, 'B')],
      ['Leeds', (r) => gbPostcode(r, 'LS')],
    ],
  },
  {
    code: 'IT',
    weight: 4,
    streets: ['Via Roma', 'Via Garibaldi', 'Corso Italia'],
    streetFirst: true,
    poBox: (r) => `Casella Postale ${r.int(1, 999)}`,
    cities: [
      ['Roma', (r) => `001${r.digits(2)}`],
      ['Milano', (r) => `201${r.digits(2)}`],
      ['Napoli', (r) => `801${r.digits(2)}`],
      ['Torino', (r) => `101${r.digits(2)}`],
    ],
  },
  {
    code: 'NL',
    weight: 3,
    streets: ['Damrak', 'Kalverstraat', 'Coolsingel'],
    streetFirst: true,
    poBox: (r) => `Postbus ${r.int(1, 9999)}`,
    cities: [
      ['Amsterdam', (r) => `1${r.int(0, 1)}${r.digits(2)} ${r.letters(2)}`],
      ['Rotterdam', (r) => `3${r.int(0, 1)}${r.digits(2)} ${r.letters(2)}`],
      ['Utrecht', (r) => `35${r.digits(2)} ${r.letters(2)}`],
    ],
  },
  {
    code: 'BE',
    weight: 2,
    streets: ['Rue Neuve', 'Meir', 'Avenue Louise'],
    streetFirst: true,
    poBox: (r) => `Boîte postale ${r.int(1, 999)}`,
    cities: [
      ['Bruxelles', (r) => `1${r.int(0, 2)}${r.digits(2)}`],
      ['Antwerpen', (r) => `20${r.digits(2)}`],
      ['Gent', (r) => `90${r.digits(2)}`],
    ],
  },
  {
    code: 'PT',
    weight: 2,
    streets: ['Rua Augusta', 'Avenida da Liberdade', 'Rua de Santa Catarina'],
    streetFirst: true,
    poBox: (r) => `Caixa Postal ${r.int(1, 999)}`,
    cities: [
      ['Lisboa', (r) => `1${r.digits(3)}-${r.digits(3)}`],
      ['Porto', (r) => `4${r.digits(3)}-${r.digits(3)}`],
    ],
  },
  {
    code: 'SE',
    weight: 2,
    streets: ['Drottninggatan', 'Kungsgatan', 'Storgatan'],
    streetFirst: true,
    poBox: (r) => `Box ${r.int(1, 9999)}`,
    cities: [
      ['Stockholm', (r) => `1${r.digits(2)} ${r.digits(2)}`],
      ['Göteborg', (r) => `4${r.digits(2)} ${r.digits(2)}`],
    ],
  },
  {
    code: 'UA',
    weight: 3,
    streets: ['vul. Khreshchatyk', 'vul. Shevchenka', 'prospekt Peremohy'],
    streetFirst: true,
    poBox: (r) => `а/я ${r.int(1, 999)}`,
    cities: [
      ['Kyiv', (r) => `0${r.int(1, 4)}${r.digits(3)}`],
      ['Lviv', (r) => `790${r.digits(2)}`],
      ['Odesa', (r) => `650${r.digits(2)}`],
    ],
  },
  {
    code: 'MX',
    weight: 3,
    streets: ['Av. Reforma', 'Calle Juárez', 'Av. Insurgentes'],
    streetFirst: true,
    poBox: (r) => `Apartado Postal ${r.int(1, 999)}`,
    cities: [
      ['Ciudad de México', (r) => `${pad(r.int(1, 16), 2)}${r.digits(3)}`],
      ['Guadalajara', (r) => `4${r.int(4, 5)}${r.digits(3)}`],
      ['Monterrey', (r) => `64${r.digits(3)}`],
    ],
  },
  {
    code: 'CL',
    weight: 2,
    streets: ['Av. Providencia', 'Av. Libertador', 'Calle Huérfanos'],
    streetFirst: true,
    poBox: (r) => `Casilla de Correos ${r.int(1, 999)}`,
    cities: [
      ['Santiago', (r) => `83${r.digits(5)}`],
      ['Valparaíso', (r) => `23${r.digits(5)}`],
    ],
  },
  {
    code: 'AU',
    weight: 2,
    streets: ['George Street', 'Collins Street', 'Queen Street'],
    streetFirst: false,
    poBox: (r) => `PO Box ${r.int(1, 9999)}`,
    cities: [
      ['Sydney', (r) => `2${r.digits(3)}`],
      ['Melbourne', (r) => `3${r.digits(3)}`],
      ['Brisbane', (r) => `4${r.digits(3)}`],
    ],
  },
  {
    code: 'JP',
    weight: 2,
    streets: ['Ginza', 'Marunouchi', 'Umeda'],
    streetFirst: false,
    poBox: (r) => `私書箱${r.int(1, 999)}号`,
    cities: [
      ['Tokyo', (r) => `1${r.digits(2)}-${r.digits(4)}`],
      ['Osaka', (r) => `5${r.int(3, 5)}${r.digits(1)}-${r.digits(4)}`],
    ],
  },
  {
    code: 'KR',
    weight: 3,
    streets: ['Teheran-ro', 'Sejong-daero', 'Haeundae-ro'],
    streetFirst: false,
    poBox: (r) => `PO Box ${r.int(1, 999)}`,
    cities: [
      ['Seoul', (r) => `0${r.int(1, 8)}${r.digits(3)}`],
      ['Busan', (r) => `4${r.int(6, 9)}${r.digits(3)}`],
    ],
  },
  {
    code: 'CN',
    weight: 1,
    streets: ['Jianguo Road', 'Nanjing Road', 'Shennan Avenue'],
    streetFirst: true,
    poBox: (r) => `PO Box ${r.int(1, 999)}`,
    cities: [
      ['Beijing', (r) => `10${r.int(0, 2)}${r.digits(3)}`],
      ['Shanghai', (r) => `20${r.int(0, 2)}${r.digits(3)}`],
    ],
  },
  {
    code: 'IL',
    weight: 2,
    streets: ['Dizengoff Street', 'Jaffa Road', 'Herzl Street'],
    streetFirst: true,
    poBox: (r) => `PO Box ${r.int(1, 9999)}`,
    cities: [
      ['Tel Aviv', (r) => `6${r.digits(6)}`],
      ['Jerusalem', (r) => `9${r.digits(6)}`],
    ],
  },
  {
    code: 'SA',
    weight: 3,
    streets: ['King Fahd Road', 'Olaya Street', 'Tahlia Street'],
    streetFirst: true,
    poBox: (r) => `PO Box ${r.int(1, 99999)}`,
    cities: [
      ['Riyadh', (r) => `1${r.int(1, 4)}${r.digits(3)}`],
      ['Jeddah', (r) => `2${r.int(1, 3)}${r.digits(3)}`],
    ],
  },
  {
    code: 'AE',
    weight: 2,
    streets: ['Sheikh Zayed Road', 'Al Wasl Road', 'Corniche Road'],
    streetFirst: true,
    poBox: (r) => `PO Box ${r.int(1, 99999)}`,
    cities: [
      ['Dubai', null],
      ['Abu Dhabi', null],
    ],
  },
  {
    code: 'TR',
    weight: 3,
    streets: ['Atatürk Caddesi', 'İstiklal Caddesi', 'Cumhuriyet Caddesi'],
    streetFirst: true,
    poBox: (r) => `PO Box ${r.int(1, 999)}`,
    cities: [
      ['İstanbul', (r) => `34${r.digits(3)}`],
      ['Ankara', (r) => `06${r.digits(3)}`],
      ['İzmir', (r) => `35${r.digits(3)}`],
    ],
  },
  {
    code: 'IN',
    weight: 2,
    streets: ['MG Road', 'Linking Road', 'Brigade Road'],
    streetFirst: false,
    poBox: (r) => `PO Box ${r.int(1, 999)}`,
    cities: [
      ['Mumbai', (r) => `400${r.digits(3)}`],
      ['New Delhi', (r) => `110${r.digits(3)}`],
      ['Bengaluru', (r) => `560${r.digits(3)}`],
    ],
  },
  {
    code: 'CA',
    weight: 3,
    streets: ['King Street West', 'Rue Sainte-Catherine', 'Granville Street'],
    streetFirst: false,
    poBox: (r) => `PO Box ${r.int(1, 9999)}`,
    cities: [
      ['Toronto', (r) => caPostcode(r, 'M')],
      ['Montréal', (r) => caPostcode(r, 'H')],
      ['Vancouver', (r) => caPostcode(r, 'V')],
      ['Calgary', (r) => caPostcode(r, 'T')],
    ],
  },
  // Not in the scorer's postal table: its defects are invisible to the address signal.
  {
    code: 'CZ',
    weight: 2,
    streets: ['Václavské náměstí', 'Národní', 'Karlova'],
    streetFirst: true,
    poBox: (r) => `PO Box ${r.int(1, 999)}`,
    cities: [
      ['Praha', (r) => `1${r.digits(2)} ${r.digits(2)}`],
      ['Brno', (r) => `6${r.digits(2)} ${r.digits(2)}`],
    ],
  },
];

/** Well-known cities typed with the wrong country (the buyer picked another country in the form). */
const FOREIGN_CITIES = [
  ['Madrid', 'ES'],
  ['Lyon', 'FR'],
  ['München', 'DE'],
  ['Warszawa', 'PL'],
  ['Kyiv', 'UA'],
  ['İstanbul', 'TR'],
  ['Mumbai', 'IN'],
  ['Toronto', 'CA'],
  ['Tokyo', 'JP'],
  ['São Paulo', 'BR'],
];

function gbPostcode(r, area) {
  return `${area}${r.int(1, 9)} ${r.int(0, 9)}${r.letters(2, GB_INWARD)}`;
}

function caPostcode(r, first) {
  return `${first}${r.int(1, 9)}${r.letters(1, CA_LETTER)} ${r.int(0, 9)}${r.letters(1, CA_LETTER)}${r.int(0, 9)}`;
}

export const COUNTRY_CODES = COUNTRIES.map((c) => c.code);

export function countrySampler(r) {
  return r.weighted(COUNTRIES, (c) => c.weight);
}

/** The kinds of address defect the world plants, with how often each is planted on an order. */
export const ADDRESS_DEFECTS = {
  postalMissing: 0.03,
  postalInvalid: 0.02,
  poBox: 0.012,
  cityMismatch: 0.015,
  duplicatedLine: 0.03,
  streetTooShort: 0.012,
  cityMissing: 0.005,
};

/** A clean address in the country. */
export function cleanAddress(r, country) {
  const [city, postal] = r.pick(country.cities);
  const street = r.pick(country.streets);
  const number = r.int(1, 250);
  return {
    line1: country.streetFirst ? `${street} ${number}` : `${number} ${street}`,
    line2: r.chance(0.2) ? `Apt ${r.int(1, 120)}` : null,
    city,
    region: null,
    postalCode: postal ? postal(r) : null,
    country: country.code,
  };
}

/** Plants the defects (a set of ADDRESS_DEFECTS keys) on a clean address; returns a new address. */
export function withDefects(r, country, address, defects) {
  const a = { ...address };
  if (defects.has('cityMismatch')) {
    const others = country.cities.filter(([name, postal]) => name !== a.city && postal);
    if (others.length > 0 && a.postalCode && r.chance(0.5)) {
      // The postal code of another city of the same country.
      a.postalCode = r.pick(others)[1](r);
    } else {
      a.city = r.pick(FOREIGN_CITIES.filter(([, c]) => c !== country.code))[0];
    }
  }
  if (defects.has('postalMissing')) a.postalCode = r.pick([null, '', ' ']);
  else if (defects.has('postalInvalid') && a.postalCode) a.postalCode = mangle(r, a.postalCode);
  if (defects.has('poBox')) {
    if (r.chance(0.5)) a.line1 = country.poBox(r);
    else a.line2 = country.poBox(r);
  }
  if (defects.has('streetTooShort')) a.line1 = r.pick(['12', 'x', 'casa', '-', '000', 'n/a']);
  if (defects.has('duplicatedLine')) {
    if (r.chance(0.5)) a.line2 = a.line1.toUpperCase();
    else a.line2 = a.city;
  }
  if (defects.has('cityMissing')) a.city = r.pick(['', '-', '.']);
  return a;
}

/** A typo'd postal code: a character lost, or a digit typed as a letter. */
function mangle(r, code) {
  if (r.chance(0.5)) return code.slice(0, -1);
  const i = code.search(/\d/);
  return i < 0 ? `${code}9` : `${code.slice(0, i)}O${code.slice(i + 1)}`;
}
