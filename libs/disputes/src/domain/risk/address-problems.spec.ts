import { addressProblems } from './address-problems';
import { RiskAddress } from './risk-types';

const madrid: RiskAddress = { line1: 'Calle Mayor 1', city: 'Madrid', postalCode: '28013', country: 'ES' };
const codes = (address: RiskAddress) => addressProblems(address).map((problem) => problem.code);

describe('addressProblems', () => {
  it('DSP-5: a complete, consistent address has no problem, in any of the tabled countries', () => {
    const clean: RiskAddress[] = [
      madrid,
      { line1: '350 Fifth Avenue', line2: 'Floor 21', city: 'New York', postalCode: '10118', country: 'US' },
      { line1: '10 Downing Street', city: 'London', postalCode: 'SW1A 2AA', country: 'GB' },
      { line1: 'Unter den Linden 77', city: 'Berlin', postalCode: '10117', country: 'DE' },
      { line1: '8 Rue de Rivoli', city: 'Paris', postalCode: '75004', country: 'FR' },
      { line1: 'Avenida Paulista 1578', city: 'São Paulo', postalCode: '01310-200', country: 'BR' },
      { line1: 'Тверская улица 7', city: 'Москва', postalCode: '125009', country: 'RU' },
      { line1: 'ul. Marszałkowska 10', city: 'Warszawa', postalCode: '00-590', country: 'PL' },
      { line1: 'Sheikh Zayed Road 1', city: 'Dubai', country: 'AE' },
      { line1: '100 Queen Street West', city: 'Toronto', postalCode: 'M5H 2N2', country: 'CA' },
      { line1: 'Damrak 1', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL' },
      { line1: '1-1 Marunouchi', city: 'Tokyo', postalCode: '100-0005', country: 'JP' },
      { line1: 'Calle de la Plata 3', city: 'Zaragoza', postalCode: '50001', country: 'ES' },
      // A namesake in another country is not a mismatch.
      { line1: '100 Main Street', city: 'Paris', postalCode: '75460', country: 'US' },
      { line1: '200 Dundas Street', city: 'London', postalCode: 'N6A 1G7', country: 'CA' },
    ];
    for (const address of clean)
      expect({ address, problems: codes(address) }).toEqual({ address, problems: [] });
  });

  it('DSP-5: a missing postal code is a problem where the country uses postal codes, not in the UAE', () => {
    expect(codes({ ...madrid, postalCode: null })).toEqual(['POSTAL_CODE_MISSING']);
    expect(codes({ ...madrid, postalCode: '  ' })).toEqual(['POSTAL_CODE_MISSING']);
    expect(addressProblems({ ...madrid, postalCode: '' })[0].message).toBe('The address has no postal code');
    expect(codes({ line1: 'Sheikh Zayed Road 1', city: 'Abu Dhabi', country: 'AE' })).toEqual([]);
    // A country the table does not know is not judged.
    expect(codes({ line1: 'Main Street 5', city: 'Reykjavik', country: 'IS' })).toEqual([]);
  });

  it.each([
    ['US', '1234'],
    ['CA', 'M5H2N'],
    ['GB', '12345'],
    ['DE', '1011'],
    ['FR', '750001'],
    ['ES', '53001'],
    ['IT', 'I-00100'],
    ['NL', '0123 AB'],
    ['BE', '0123'],
    ['PL', '00590'],
    ['PT', '1100'],
    ['SE', '1234'],
    ['RU', '12500'],
    ['UA', '0100'],
    ['BR', '0131-200'],
    ['MX', '0600'],
    ['CL', '83200'],
    ['AU', '20000'],
    ['JP', '1000-005'],
    ['KR', '0400'],
    ['CN', '10000'],
    ['IL', '123'],
    ['SA', '1234'],
    ['TR', '3400'],
    ['IN', '011001'],
  ])('DSP-5: a postal code that does not fit the format of %s (%s) is a problem', (country, postalCode) => {
    const problems = addressProblems({ line1: 'Some Street 12', city: 'Somewhere', postalCode, country });
    expect(problems.map((p) => p.code)).toEqual(['POSTAL_CODE_INVALID']);
    expect(problems[0].message).toContain(postalCode);
  });

  it.each([
    ['US', '10118-0110'],
    ['CA', 'm5h 2n2'],
    ['GB', 'EC1A 1BB'],
    ['SE', '111 22'],
    ['BR', '01310200'],
    ['JP', '1000005'],
    ['IL', '6100000'],
    ['IL', '61000'],
    ['SA', '12271-1234'],
    ['IN', '110 001'],
  ])('DSP-5: the usual spellings of %s postal codes (%s) fit', (country, postalCode) => {
    expect(codes({ line1: 'Some Street 12', city: 'Somewhere', postalCode, country })).toEqual([]);
  });

  it.each([
    'PO Box 1234',
    'P.O. Box 55',
    'p. o. box 9',
    'POBOX 77',
    'Post Office Box 12',
    'Postfach 10 20 30',
    'Apartado de Correos 45',
    'apartado correos 45',
    'Boîte postale 12',
    'BP 123',
    'Caixa Postal 778',
    'Casella Postale 4',
    'Postbus 1000',
    'Box 1234',
    'а/я 12',
  ])('DSP-5: a PO box address is ambiguous (%s)', (line) => {
    expect(codes({ ...madrid, line1: line })).toContain('PO_BOX');
    expect(codes({ ...madrid, line2: line })).toContain('PO_BOX');
  });

  it('DSP-5: a street merely containing "box" is not a PO box', () => {
    expect(codes({ ...madrid, line1: 'Box Hill Road 4' })).toEqual([]);
    expect(codes({ ...madrid, line1: 'Boxer Street 12' })).toEqual([]);
  });

  it('DSP-5: a known city with a postal code outside its prefixes is a mismatch', () => {
    const problems = addressProblems({ ...madrid, postalCode: '08001' });
    expect(problems).toEqual([
      { code: 'CITY_POSTAL_MISMATCH', message: 'The postal code 08001 is not in Madrid' },
    ]);
    expect(codes({ line1: 'Main Street 12', city: 'new york', postalCode: '90210', country: 'US' })).toEqual([
      'CITY_POSTAL_MISMATCH',
    ]);
    expect(codes({ line1: 'Oxford Street 1', city: 'London', postalCode: 'NG1 1AA', country: 'GB' })).toEqual(
      ['CITY_POSTAL_MISMATCH'],
    );
    expect(codes({ line1: 'Oxford Street 1', city: 'London', postalCode: 'NW1 6XE', country: 'GB' })).toEqual(
      [],
    );
    expect(
      codes({ line1: 'Rua Augusta 10', city: 'Sao Paulo', postalCode: '20040-020', country: 'BR' }),
    ).toEqual(['CITY_POSTAL_MISMATCH']);
  });

  it('DSP-5: a known city of another country is a mismatch, named in the message', () => {
    const problems = addressProblems({ ...madrid, country: 'FR', postalCode: '75001' });
    expect(problems).toEqual([
      { code: 'CITY_NOT_IN_COUNTRY', message: 'Madrid is in Spain, but the address is in France' },
    ]);
    expect(codes({ line1: 'Tverskaya 7', city: 'Moscow', postalCode: '01001', country: 'UA' })).toEqual([
      'CITY_NOT_IN_COUNTRY',
    ]);
  });

  it('DSP-5: duplicated lines (line2 = line1, or the city as a line) are a problem, whatever the case and accents', () => {
    expect(codes({ ...madrid, line2: ' calle  MAYOR, 1 ' })).toEqual(['DUPLICATED_LINE']);
    expect(codes({ ...madrid, line2: 'MADRID' })).toEqual(['DUPLICATED_LINE']);
    expect(codes({ ...madrid, line1: 'Madrid', line2: 'Calle Mayor 1' })).toEqual(['DUPLICATED_LINE']);
    expect(addressProblems({ ...madrid, line2: 'Madrid' })[0].message).toBe(
      'The city is repeated as an address line',
    );
  });

  it('DSP-5: a street line under 5 characters or without a letter, or a city under 2 letters, is too short', () => {
    expect(codes({ ...madrid, line1: 'C 1' })).toEqual(['STREET_TOO_SHORT']);
    expect(codes({ ...madrid, line1: '12345 67' })).toEqual(['STREET_TOO_SHORT']);
    expect(codes({ ...madrid, city: 'M' })).toEqual(['CITY_MISSING']);
    expect(codes({ ...madrid, city: '  ' })).toEqual(['CITY_MISSING']);
    expect(
      codes({ ...madrid, line1: '北京市朝阳区建国路', city: '北京', postalCode: '100020', country: 'CN' }),
    ).toEqual([]);
  });

  it('DSP-5: a country that is not an alpha-2 code makes the address unusable, and nothing else is judged', () => {
    expect(codes({ ...madrid, country: 'Spain' })).toEqual(['COUNTRY_INVALID']);
    expect(codes({ ...madrid, country: '' })).toEqual(['COUNTRY_INVALID']);
    expect(codes({ ...madrid, country: ' es ' })).toEqual([]);
  });

  it('DSP-5: several problems of one address are all reported', () => {
    expect(
      codes({ line1: 'PO Box 1', line2: 'PO Box 1', city: 'Madrid', postalCode: null, country: 'ES' }),
    ).toEqual(['POSTAL_CODE_MISSING', 'PO_BOX', 'DUPLICATED_LINE']);
  });
});
