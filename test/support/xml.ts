/**
 * A small, strict XML reader for tests: it throws on anything that is not well-formed (unbalanced
 * or crossed tags, duplicate attributes, a bare `&` or `<`, unknown entities, text or a second
 * element after the root) and returns the element tree. No XML parser is a direct dependency of
 * the project, and the templates need no more than this: no DTD internal subset, no namespaces
 * resolution (prefixed names are kept as written).
 */
export interface XmlNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
  /** The element's own text (character data and CDATA), entities decoded. */
  text: string;
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseXml(source: string): XmlNode {
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`XML not well-formed at ${pos}: ${what}`);
  };
  const startsWith = (s: string) => source.startsWith(s, pos);
  const skipSpace = () => {
    while (pos < source.length && /\s/.test(source[pos]!)) pos++;
  };
  const until = (end: string, what: string): string => {
    const at = source.indexOf(end, pos);
    if (at < 0) fail(`unterminated ${what}`);
    const body = source.slice(pos, at);
    pos = at + end.length;
    return body;
  };
  const name = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(source);
    if (m === null) return fail('expected a name');
    pos += m[0].length;
    return m[0];
  };
  const decode = (text: string): string => {
    if (text.includes('<')) fail('"<" in text or attribute value');
    return text.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(';')) fail('"&" that starts no entity');
      if (ref in ENTITIES) return ENTITIES[ref]!;
      const code = /^#x([0-9a-fA-F]+)$/.exec(ref)?.[1] ?? /^#([0-9]+)$/.exec(ref)?.[1];
      if (code === undefined) return fail(`unknown entity &${ref};`);
      return String.fromCodePoint(parseInt(code, ref.startsWith('#x') ? 16 : 10));
    });
  };
  /** Comments, processing instructions and whitespace between markup outside the root. */
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (startsWith('<!--')) comment();
      else if (startsWith('<?')) until('?>', 'processing instruction');
      else return;
    }
  };
  const comment = () => {
    pos += 4;
    if (until('-->', 'comment').includes('--')) fail('"--" inside a comment');
  };

  const element = (): XmlNode => {
    pos++; // '<'
    const node: XmlNode = { name: name(), attrs: {}, children: [], text: '' };
    const attrs = node.attrs as Record<string, string>;
    for (;;) {
      const before = pos;
      skipSpace();
      if (startsWith('/>')) {
        pos += 2;
        return node;
      }
      if (startsWith('>')) {
        pos++;
        break;
      }
      if (pos === before) fail('attributes must be separated by space');
      const attr = name();
      skipSpace();
      if (source[pos] !== '=') fail('expected "="');
      pos++;
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") return fail('attribute value must be quoted');
      pos++;
      if (Object.hasOwn(attrs, attr)) fail(`duplicate attribute ${attr}`);
      attrs[attr] = decode(until(quote, 'attribute value'));
    }
    for (;;) {
      if (pos >= source.length) fail(`element ${node.name} not closed`);
      if (startsWith('</')) {
        pos += 2;
        if (name() !== node.name) fail(`closing tag does not match ${node.name}`);
        skipSpace();
        if (source[pos] !== '>') fail('expected ">"');
        pos++;
        return node;
      }
      if (startsWith('<!--')) comment();
      else if (startsWith('<![CDATA[')) {
        pos += 9;
        node.text += until(']]>', 'CDATA section');
      } else if (startsWith('<?')) until('?>', 'processing instruction');
      else if (startsWith('<')) node.children.push(element());
      else {
        const next = source.indexOf('<', pos);
        const end = next < 0 ? source.length : next;
        const raw = source.slice(pos, end);
        if (raw.includes(']]>')) fail('"]]>" in text');
        node.text += decode(raw);
        pos = end;
      }
    }
  };

  if (source.charCodeAt(0) === 0xfeff) pos = 1;
  if (startsWith('<?xml')) until('?>', 'XML declaration');
  skipMisc();
  if (startsWith('<!DOCTYPE')) {
    const doctype = until('>', 'DOCTYPE');
    if (doctype.includes('[')) fail('DOCTYPE internal subsets are not supported');
    skipMisc();
  }
  if (source[pos] !== '<') fail('expected the root element');
  const root = element();
  skipMisc();
  if (pos !== source.length) fail('content after the root element');
  return root;
}

/** Every element in the tree, depth first, root included. */
export function allElements(root: XmlNode): XmlNode[] {
  return [root, ...root.children.flatMap(allElements)];
}

export function child(node: XmlNode, name: string): XmlNode {
  const found = node.children.find((c) => c.name === name);
  if (found === undefined) throw new Error(`${node.name} has no ${name}`);
  return found;
}

export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}
