import type { UnsupportedKind } from './package-parts';

/**
 * Active content found by what a part IS — its content type in [Content_Types].xml and the
 * type of the relationship that points at it — not by where it is stored: a vbaProject.bin
 * renamed to xl/media/image1.png is still a macro project.
 */
const CONTENT_TYPES: [RegExp, UnsupportedKind][] = [
  [/vbaProject|macroEnabled|vbaData|ms-excel\.(?:intl)?macrosheet/i, 'vba'],
  [/spreadsheetml\.externalLink\+xml/i, 'externalLink'],
  [/activeX/i, 'activeX'],
  [/oleObject|officedocument\.embedded|vnd\.ms-excel$|msword|ms-powerpoint|\.package$/i, 'embeddedObject'],
  [/spreadsheetml\.connections\+xml|spreadsheetml\.queryTable\+xml/i, 'dataConnection'],
  [/ctrlProp\+xml/i, 'formControl'],
];

const RELATIONSHIP_TYPES: [RegExp, UnsupportedKind][] = [
  [/\/vbaProject$|\/wordVbaData$|\/vbaProjectSignature/i, 'vba'],
  [/\/externalLink$|\/externalLinkPath$|\/attachedTemplate$/i, 'externalLink'],
  [/\/control$|\/activeXControlBinary$/i, 'activeX'],
  [/\/oleObject$|\/package$/i, 'embeddedObject'],
  [/\/connections$|\/queryTable$/i, 'dataConnection'],
  [/\/ctrlProp$/i, 'formControl'],
];

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1] ?? new RegExp(`\\b${name}\\s*=\\s*'([^']*)'`).exec(tag)?.[1];
}

/** Kinds named by [Content_Types].xml (Default by extension, Override by part). */
export function kindsInContentTypes(xml: string): { kind: UnsupportedKind; where: string }[] {
  const out: { kind: UnsupportedKind; where: string }[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?(?:Default|Override)\b[^>]*>/g)) {
    const type = attribute(m[0], 'ContentType') ?? '';
    const where = attribute(m[0], 'PartName') ?? `*.${attribute(m[0], 'Extension') ?? ''}`;
    for (const [pattern, kind] of CONTENT_TYPES) if (pattern.test(type)) out.push({ kind, where });
  }
  return out;
}

/** Kinds named by one .rels part; an external target of any other kind (but a hyperlink) is an external link. */
export function kindsInRelationships(xml: string, relsPath: string): { kind: UnsupportedKind; where: string }[] {
  const out: { kind: UnsupportedKind; where: string }[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const type = attribute(m[0], 'Type') ?? '';
    const target = attribute(m[0], 'Target') ?? '';
    const where = `${relsPath} → ${target}`;
    const known = RELATIONSHIP_TYPES.find(([pattern]) => pattern.test(type));
    if (known) out.push({ kind: known[1], where });
    else if (/^external$/i.test(attribute(m[0], 'TargetMode') ?? '') && !/\/hyperlink$/i.test(type))
      out.push({ kind: 'externalLink', where });
  }
  return out;
}
