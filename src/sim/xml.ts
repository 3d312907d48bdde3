import { decodeXML } from 'entities';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A parsed XML node in fast-xml-parser's order-preserving shape: `{ tag: children, ':@': attributes }` or `{ '#text': text }`. */
export type XmlNode = Record<string, unknown>;

/** How the caller reports a document it cannot use. */
export type Invalid = (message: string, hint?: string) => Error;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // XML's five entities and numeric references only, decoded by decodeXML where text is read
  processEntities: false,
});

/** The top-level nodes of a well-formed document; anything else is `invalid`. */
export function parseXml(xml: string, invalid: Invalid): XmlNode[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw invalid(
      `not well-formed XML (line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg})`,
      'Twilio would fail with error 12100 (document parse failure): look for text before <?xml or an unescaped &.',
    );
  }
  return parser.parse(xml) as XmlNode[];
}

/** The words of a <Say>: text, SSML <sub> as its alias, other SSML tags as their content, whitespace collapsed. */
export function spoken(nodes: readonly XmlNode[]): string {
  const words = nodes.map((node) => {
    if ('#text' in node) return decodeXML(String(node['#text']));
    if (tagOf(node) === 'sub') return attr(node, 'alias') ?? spoken(childrenOf(node));
    if (tagOf(node) === 'break') return ' ';
    return spoken(childrenOf(node));
  });
  return words.join('').replace(/\s+/g, ' ').trim();
}

export function tagOf(node: XmlNode): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '';
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const children = node[tagOf(node)];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
}

export function attr(node: XmlNode, name: string): string | undefined {
  const attributes = node[':@'] as Record<string, unknown> | undefined;
  const value = attributes?.[name];
  return typeof value === 'string' ? decodeXML(value) : undefined;
}

export function textOf(node: XmlNode): string {
  return childrenOf(node)
    .map((child) => ('#text' in child ? decodeXML(String(child['#text'])) : ''))
    .join('');
}

/** The element children, skipping whitespace; text that is not whitespace is an error in `parent`. */
export function elements(nodes: readonly XmlNode[], invalid: Invalid, parent?: string): XmlNode[] {
  const found: XmlNode[] = [];
  for (const node of nodes) {
    if ('#text' in node) {
      const text = String(node['#text']).trim();
      if (text) throw invalid(parent ? `stray text "${text.slice(0, 40)}" inside <${parent}>` : `stray text "${text.slice(0, 40)}" outside <Response>`);
      continue;
    }
    found.push(node);
  }
  return found;
}

