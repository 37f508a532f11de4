/**
 * A fictitious usager whose identity traits hold together (fr-identifiers.md §8): sex, birth date, birth
 * place (real commune), birth rank, NIR built from those traits with a valid key, first names of that sex
 * (the space-separated list of birth first names, the first one in `given`), birth name in capitals.
 */
import { formatNirKey, nirKey } from '../../rules/fr-identifiers/nir.js';
import { formatDay, yearsBefore } from '../calendar.js';
import type { Random } from '../random.js';
import type { Population } from '../scenario-model.js';
import { COMMUNES, communeValidForBirthYear, type Commune } from './insee-communes.js';

export type Sex = 'male' | 'female';

export interface UsagerIdentity {
  sex: Sex;
  family: string;
  /** Birth first names, in order. */
  givenNames: string[];
  birthDay: number;
  birthDate: string;
  birthPlace: Commune;
  /** Rank of the birth in the commune's register for that month (NIR digits 11–13, tddui-birth-order). */
  birthOrder: number;
  /** 15 characters, key included. */
  nir: string;
  residence: Commune;
  street: string;
}

const AGES: Record<Population, [number, number]> = {
  'personne-agee': [62, 98],
  'adulte-handicap': [20, 59],
  'enfant-handicap': [4, 19],
};

/** Capitals without changing letters (INS birth names are upper case; accents kept as the person writes them). */
const upper = (s: string) => s.toLocaleUpperCase('fr-FR');

export function makeIdentity(rng: Random, population: Population, referenceDay: number): UsagerIdentity {
  const sex: Sex = rng.chance(0.5) ? 'female' : 'male';
  const [minAge, maxAge] = AGES[population];
  const birthDay = yearsBefore(referenceDay, rng.int(minAge, maxAge), rng.int(1, 364));
  const birthDate = formatDay(birthDay);
  const year = Number(birthDate.slice(0, 4));
  let birthPlace = rng.pick(COMMUNES);
  while (!communeValidForBirthYear(birthPlace, year)) birthPlace = rng.pick(COMMUNES);
  const givenNames: string[] = [];
  const count = rng.int(1, 3);
  while (givenNames.length < count) {
    const name = rng.faker.person.firstName(sex);
    if (!givenNames.includes(name) && !/\s/.test(name)) givenNames.push(name);
  }
  const family = upper(rng.faker.person.lastName());
  const birthOrder = rng.int(1, 999);
  const nir13 = `${sex === 'male' ? '1' : '2'}${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthPlace.insee}${String(birthOrder).padStart(3, '0')}`;
  const nir = nir13 + formatNirKey(nirKey(nir13));
  const residence = rng.pick(COMMUNES);
  const street = `${rng.int(1, 120)} ${rng.faker.location.street()}`;
  return { sex, family, givenNames, birthDay, birthDate, birthPlace, birthOrder, nir, residence, street };
}
