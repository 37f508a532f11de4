/**
 * A small table of real French communes of birth and residence: INSEE COG code (what the NIR and the
 * birthPlace carry), name and main postcode (public facts). Paris, Lyon and Marseille appear through their
 * arrondissements, since births are registered, and NIRs built, per arrondissement.
 */
export interface Commune {
  insee: string;
  name: string;
  postcode: string;
}

export const COMMUNES: readonly Commune[] = [
  { insee: '75112', name: 'Paris 12e Arrondissement', postcode: '75012' },
  { insee: '75115', name: 'Paris 15e Arrondissement', postcode: '75015' },
  { insee: '75120', name: 'Paris 20e Arrondissement', postcode: '75020' },
  { insee: '13205', name: 'Marseille 5e Arrondissement', postcode: '13005' },
  { insee: '69383', name: 'Lyon 3e Arrondissement', postcode: '69003' },
  { insee: '31555', name: 'Toulouse', postcode: '31000' },
  { insee: '06088', name: 'Nice', postcode: '06000' },
  { insee: '44109', name: 'Nantes', postcode: '44000' },
  { insee: '67482', name: 'Strasbourg', postcode: '67000' },
  { insee: '34172', name: 'Montpellier', postcode: '34000' },
  { insee: '33063', name: 'Bordeaux', postcode: '33000' },
  { insee: '59350', name: 'Lille', postcode: '59000' },
  { insee: '35238', name: 'Rennes', postcode: '35000' },
  { insee: '51454', name: 'Reims', postcode: '51100' },
  { insee: '42218', name: 'Saint-Étienne', postcode: '42000' },
  { insee: '83137', name: 'Toulon', postcode: '83000' },
  { insee: '76351', name: 'Le Havre', postcode: '76600' },
  { insee: '76540', name: 'Rouen', postcode: '76000' },
  { insee: '38185', name: 'Grenoble', postcode: '38000' },
  { insee: '21231', name: 'Dijon', postcode: '21000' },
  { insee: '49007', name: 'Angers', postcode: '49000' },
  { insee: '30189', name: 'Nîmes', postcode: '30000' },
  { insee: '63113', name: 'Clermont-Ferrand', postcode: '63000' },
  { insee: '63220', name: 'Mazoires', postcode: '63420' },
  { insee: '72181', name: 'Le Mans', postcode: '72000' },
  { insee: '29019', name: 'Brest', postcode: '29200' },
  { insee: '29232', name: 'Quimper', postcode: '29000' },
  { insee: '37261', name: 'Tours', postcode: '37000' },
  { insee: '80021', name: 'Amiens', postcode: '80000' },
  { insee: '87085', name: 'Limoges', postcode: '87000' },
  { insee: '25056', name: 'Besançon', postcode: '25000' },
  { insee: '45234', name: 'Orléans', postcode: '45000' },
  { insee: '14118', name: 'Caen', postcode: '14000' },
  { insee: '57463', name: 'Metz', postcode: '57000' },
  { insee: '54395', name: 'Nancy', postcode: '54000' },
  { insee: '66136', name: 'Perpignan', postcode: '66000' },
  { insee: '86194', name: 'Poitiers', postcode: '86000' },
  { insee: '17300', name: 'La Rochelle', postcode: '17000' },
  { insee: '64445', name: 'Pau', postcode: '64000' },
  { insee: '84007', name: 'Avignon', postcode: '84000' },
  { insee: '2A004', name: 'Ajaccio', postcode: '20000' },
  { insee: '2B033', name: 'Bastia', postcode: '20200' },
  { insee: '97411', name: 'Saint-Denis', postcode: '97400' },
  { insee: '97209', name: 'Fort-de-France', postcode: '97200' },
  { insee: '97120', name: 'Pointe-à-Pitre', postcode: '97110' },
];

/** Corsica's départements 2A/2B exist since 1976; people born there earlier have NIRs with 20. */
export function communeValidForBirthYear(c: Commune, year: number): boolean {
  return !c.insee.startsWith('2A') && !c.insee.startsWith('2B') ? true : year >= 1976;
}
