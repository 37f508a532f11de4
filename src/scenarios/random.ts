/**
 * The only source of randomness of a dataset: one seeded French faker per generation (never the shared
 * `fakerFR` singleton, so that two generations running at once in a server cannot interleave draws).
 */
import { base, Faker, fr } from '@faker-js/faker';

export class Random {
  readonly faker: Faker;

  constructor(seed: number) {
    this.faker = new Faker({ locale: [fr, base] });
    this.faker.seed(seed);
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(0, list.length - 1)];
  }

  chance(probability: number): boolean {
    return this.faker.number.float({ min: 0, max: 1 }) < probability;
  }

  /** n decimal digits, leading zeros allowed. */
  digits(n: number): string {
    return this.faker.string.numeric({ length: n, allowLeadingZeros: true });
  }

  sentence(): string {
    return this.faker.lorem.sentence();
  }
}
