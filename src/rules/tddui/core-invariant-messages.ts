/**
 * French renditions (project's own translation) of the R4 core invariants an export meets most often.
 * Other core invariants use the generic FHIR-INV message with the specification's English text.
 */
import type { RuleDefinition } from '../../validation/finding.js';

const R4 = 'http://hl7.org/fhir/R4';

type Entry = [key: string, page: string, fr: string, en: string];

const ENTRIES: Entry[] = [
  ['ele-1', `${R4}/element.html#invs`, 'Élément vide : un élément doit avoir une valeur ou des enfants', 'Empty element: an element must have a value or children'],
  ['ext-1', `${R4}/extensibility.html#invs`, 'Une extension porte soit des sous-extensions soit une valeur, jamais les deux ni aucune', 'An extension has either sub-extensions or a value, not both nor none'],
  ['dom-2', `${R4}/domainresource.html#invs`, 'Une ressource contenue ne contient pas d’autres ressources', 'A contained resource does not contain other resources'],
  ['dom-3', `${R4}/domainresource.html#invs`, 'Une ressource contenue doit être référencée ailleurs dans la ressource (ou référencer son conteneur)', 'A contained resource must be referenced elsewhere in the resource (or refer to its container)'],
  ['dom-4', `${R4}/domainresource.html#invs`, 'Une ressource contenue ne porte ni meta.versionId ni meta.lastUpdated', 'A contained resource has no meta.versionId nor meta.lastUpdated'],
  ['dom-5', `${R4}/domainresource.html#invs`, 'Une ressource contenue ne porte pas d’étiquette de sécurité', 'A contained resource has no security label'],
  ['dom-6', `${R4}/domainresource.html#invs`, 'Bonne pratique : la ressource devrait porter un narratif (text.div) lisible par une personne', 'Best practice: the resource should carry a human-readable narrative (text.div)'],
  ['ref-1', `${R4}/references.html#invs`, 'Une référence locale (#id) doit désigner une ressource contenue', 'A local reference (#id) must point to a contained resource'],
  ['per-1', `${R4}/datatypes.html#Period`, 'Période incohérente : le début doit précéder la fin', 'Inconsistent period: start must not be after end'],
  ['qty-3', `${R4}/datatypes.html#Quantity`, 'Une quantité avec un code d’unité doit préciser le système de l’unité', 'A quantity with a unit code must give the unit system'],
  ['bdl-3', `${R4}/bundle.html#invs`, 'Dans un Bundle transaction, batch ou history, chaque entrée porte un request (et seulement dans ces types)', 'In a transaction, batch or history Bundle each entry has a request (and only in those types)'],
  ['bdl-7', `${R4}/bundle.html#invs`, 'Deux entrées du Bundle ont le même fullUrl (sans versions distinctes)', 'Two entries of the Bundle share a fullUrl (without distinct versions)'],
  ['bdl-8', `${R4}/bundle.html#invs`, 'fullUrl ne doit pas désigner une version (pas de /_history/)', 'fullUrl must not be version-specific (no /_history/)'],
];

export const CORE_INVARIANT_RULES: RuleDefinition[] = ENTRIES.map(([key, page, fr, en]) => ({
  id: `FHIR-INV-${key}`,
  category: 'invariants FHIR R4',
  severity: key === 'dom-6' ? 'warning' : 'error',
  specUrl: page,
  message: { fr: `${fr} (invariant ${key})`, en: `${en} (invariant ${key})` },
  hint: { fr: 'Expression : {expression}', en: 'Expression: {expression}' },
}));
