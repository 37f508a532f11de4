/** Canonical URL of a definition → the page of its official publication. */

const R4 = 'http://hl7.org/fhir/R4';
const CORE_SD = 'http://hl7.org/fhir/StructureDefinition/';

const PUBLISHED: [prefix: string, page: string][] = [
  ['https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/', 'https://interop.esante.gouv.fr/ig/fhir/tddui/2.4.0-ballot/StructureDefinition-'],
  ['https://hl7.fr/ig/fhir/core/StructureDefinition/', 'https://hl7.fr/ig/fhir/core/2.1.0/StructureDefinition-'],
  ['https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/', 'https://interop.esante.gouv.fr/ig/fhir/annuaire/1.1.0/StructureDefinition-'],
  ['https://profiles.ihe.net/ITI/MHD/StructureDefinition/', 'https://profiles.ihe.net/ITI/MHD/4.2.3/StructureDefinition-'],
];

/** R4 data types documented on datatypes.html / metadatatypes.html rather than a page of their own. */
const DATATYPE = /^(Address|Age|Annotation|Attachment|CodeableConcept|Coding|ContactPoint|Count|Distance|Duration|HumanName|Identifier|Money|Period|Quantity|Range|Ratio|SampledData|Signature|Timing|Reference|Meta|Narrative|Extension|Element|BackboneElement|[a-z][A-Za-z0-9]*)$/;

export function pageForCanonical(canonical: string): string {
  const url = canonical.split('|')[0];
  for (const [prefix, page] of PUBLISHED) if (url.startsWith(prefix)) return `${page}${url.slice(prefix.length)}.html`;
  if (url.startsWith(CORE_SD)) {
    const id = url.slice(CORE_SD.length);
    if (DATATYPE.test(id)) return `${R4}/datatypes.html#${id}`;
    if (/^[A-Z][A-Za-z]+$/.test(id)) return `${R4}/${id.toLowerCase()}.html`;
    return `${R4}/extension-${id.toLowerCase()}.html`;
  }
  return url;
}
