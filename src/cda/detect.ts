/**
 * Detection by content (never by file name): an XML document whose root element is ClinicalDocument
 * is a CDA document; a FHIR JSON DocumentReference/Bundle of the TDDUI 1.1.0 transport carries CDA
 * documents in base64 attachments.
 */
const HEAD = 64 * 1024;

/** Local name of the root element, read from the first 64 KiB (prolog, comments and DOCTYPE skipped). */
export function xmlRootName(bytes: Buffer): string | undefined {
  let s = bytes.subarray(0, HEAD).toString('latin1');
  s = s.replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  if (s.trimStart()[0] !== '<') return undefined;
  s = s.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/, '');
  const m = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]/.exec(s);
  return m?.[2];
}

export function isCdaXml(bytes: Buffer): boolean {
  return xmlRootName(bytes) === 'ClinicalDocument';
}

/**
 * A TDDUI 1.1.0 transport resource: FHIR JSON claiming the 1.1.0 tddui-documentreference profile (the 2.x
 * guide has no such profile), or a DocumentReference attachment declared as XML. Byte searches only:
 * large FHIR exports are not parsed twice.
 */
export function isCdaTransport(bytes: Buffer): boolean {
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09 || bytes[i] === 0xef || bytes[i] === 0xbb || bytes[i] === 0xbf)) i++;
  if (bytes[i] !== 0x7b) return false;
  if (bytes.indexOf('"DocumentReference"') < 0) return false;
  if (bytes.indexOf('StructureDefinition/tddui-documentreference"') >= 0) return true;
  return /"contentType"\s*:\s*"(text|application)\/(hl7-v3\+|hl7-cda\+)?xml/.test(bytes.subarray(0, 4 * 1024 * 1024).toString('latin1'));
}
