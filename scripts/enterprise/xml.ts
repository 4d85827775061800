/**
 * A small XML writer for the ADMX, ADML and plist templates: elements are built as values and
 * escaped in one place, so no template can come out malformed whatever text a catalogue holds.
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs?: Readonly<Record<string, string | number>>;
  /** Elements, or one text child. */
  readonly children?: readonly XmlElement[] | string;
}

export function el(
  name: string,
  attrs: Readonly<Record<string, string | number>> = {},
  children: readonly XmlElement[] | string = [],
): XmlElement {
  return { name, attrs, children };
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r?\n/g, '&#10;');
}

/** Text content keeps its line breaks (ADML explanations are multi-paragraph). */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function render(node: XmlElement, depth: number): string {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(node.attrs ?? {})
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  const children = node.children ?? [];
  if (typeof children === 'string') {
    return `${pad}<${node.name}${attrs}>${escapeText(children)}</${node.name}>`;
  }
  if (children.length === 0) return `${pad}<${node.name}${attrs}/>`;
  const inner = children.map((c) => render(c, depth + 1)).join('\n');
  return `${pad}<${node.name}${attrs}>\n${inner}\n${pad}</${node.name}>`;
}

/** A whole document: declaration, optional prolog lines (comment, doctype), root element. */
export function xmlDocument(root: XmlElement, prolog: readonly string[] = []): string {
  return ['<?xml version="1.0" encoding="utf-8"?>', ...prolog, render(root, 0), ''].join('\n');
}

export function xmlComment(text: string): string {
  return `<!-- ${text.replace(/--/g, '- -')} -->`;
}
