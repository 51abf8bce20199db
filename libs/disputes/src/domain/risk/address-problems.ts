import {
  countryName,
  letterCount,
  normaliseCountry,
  normalisePostalCode,
  normaliseText,
} from './address-text';
import { lookUpCity, postalCodeInPlace } from './gazetteer';
import { isPoBox } from './po-box';
import { postalCodeFits, usesPostalCode } from './postal-formats';
import { RiskAddress } from './risk-types';

/** DSP-5: what can make an address ambiguous or incomplete. */
export type AddressProblemCode =
  | 'COUNTRY_INVALID'
  | 'CITY_MISSING'
  | 'POSTAL_CODE_MISSING'
  | 'CITY_NOT_IN_COUNTRY'
  | 'POSTAL_CODE_INVALID'
  | 'CITY_POSTAL_MISMATCH'
  | 'STREET_TOO_SHORT'
  | 'PO_BOX'
  | 'DUPLICATED_LINE';

export interface AddressProblem {
  code: AddressProblemCode;
  message: string;
}

/**
 * The share of the address weight each problem is worth. What can stop a parcel (no postal code,
 * a city in another country, no street) counts most; a repeated line is mostly untidiness.
 */
export const ADDRESS_PROBLEM_SEVERITY: Readonly<Record<AddressProblemCode, number>> = Object.freeze({
  COUNTRY_INVALID: 1,
  CITY_MISSING: 0.8,
  POSTAL_CODE_MISSING: 0.8,
  CITY_NOT_IN_COUNTRY: 0.8,
  POSTAL_CODE_INVALID: 0.7,
  CITY_POSTAL_MISMATCH: 0.7,
  STREET_TOO_SHORT: 0.6,
  PO_BOX: 0.5,
  DUPLICATED_LINE: 0.25,
});

const MIN_STREET_CHARS = 5;
const MIN_CITY_LETTERS = 2;

/** DSP-5: every way the address is ambiguous or incomplete, in the seller's words; empty when none. */
export function addressProblems(address: RiskAddress): AddressProblem[] {
  const country = normaliseCountry(address.country);
  if (!/^[A-Z]{2}$/.test(country)) {
    // Without a country nothing else can be judged, and the parcel cannot leave.
    return [{ code: 'COUNTRY_INVALID', message: `The country "${address.country}" is not a valid country` }];
  }
  return [...cityProblems(address, country), ...streetProblems(address), ...duplicateProblems(address)];
}

function cityProblems(address: RiskAddress, country: string): AddressProblem[] {
  const problems: AddressProblem[] = [];
  const postalCode = normalisePostalCode(address.postalCode);
  const hasCity = letterCount(address.city) >= MIN_CITY_LETTERS;
  if (!hasCity) problems.push({ code: 'CITY_MISSING', message: 'The address has no city' });

  let postalValid = false;
  if (postalCode === '') {
    if (usesPostalCode(country)) {
      problems.push({ code: 'POSTAL_CODE_MISSING', message: 'The address has no postal code' });
    }
  } else if (!postalCodeFits(country, postalCode)) {
    problems.push({
      code: 'POSTAL_CODE_INVALID',
      message: `The postal code "${postalCode}" is not a valid postal code in ${countryName(country)}`,
    });
  } else {
    postalValid = true;
  }

  const places = hasCity ? lookUpCity(address.city) : undefined;
  if (places) {
    const inCountry = places.filter((place) => place.country === country);
    if (inCountry.length === 0) {
      problems.push({
        code: 'CITY_NOT_IN_COUNTRY',
        message: `${address.city.trim()} is in ${countryName(places[0].country)}, but the address is in ${countryName(country)}`,
      });
    } else if (postalValid && !inCountry.some((place) => postalCodeInPlace(place, postalCode))) {
      problems.push({
        code: 'CITY_POSTAL_MISMATCH',
        message: `The postal code ${postalCode} is not in ${address.city.trim()}`,
      });
    }
  }
  return problems;
}

function streetProblems(address: RiskAddress): AddressProblem[] {
  const problems: AddressProblem[] = [];
  const line1 = (address.line1 ?? '').trim();
  if ([...line1].length < MIN_STREET_CHARS || letterCount(line1) === 0) {
    problems.push({ code: 'STREET_TOO_SHORT', message: 'The street address is too short to find the door' });
  }
  if (isPoBox(address.line1) || isPoBox(address.line2)) {
    problems.push({ code: 'PO_BOX', message: 'The address is a PO box, where couriers cannot deliver' });
  }
  return problems;
}

function duplicateProblems(address: RiskAddress): AddressProblem[] {
  const line1 = normaliseText(address.line1);
  const line2 = normaliseText(address.line2);
  const city = normaliseText(address.city);
  if (line2 !== '' && line2 === line1) {
    return [{ code: 'DUPLICATED_LINE', message: 'The second address line repeats the first' }];
  }
  if (city !== '' && (line1 === city || line2 === city)) {
    return [{ code: 'DUPLICATED_LINE', message: 'The city is repeated as an address line' }];
  }
  return [];
}
