/**
 * Readers for the generated .reg files and plists, strict enough that a malformed template fails
 * the test instead of being read leniently.
 */
import type { XmlNode } from './xml';

export type RegValue =
  | { readonly type: 'dword'; readonly value: number }
  | { readonly type: 'string'; readonly value: string };

export interface RegSection {
  readonly path: string;
  /** `[-path]`: the key is deleted. */
  readonly remove: boolean;
  readonly values: Map<string, RegValue>;
}

const QUOTED = '"((?:[^"\\\\]|\\\\.)*)"';
const VALUE_LINE = new RegExp(`^${QUOTED}=(?:dword:([0-9a-f]{8})|${QUOTED})$`);
const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

/** A .reg file as Registry Editor writes it: UTF-16 LE with BOM, CRLF, version 5 header. */
export function parseReg(bytes: Uint8Array): { readonly header: string; sections: RegSection[] } {
  if (bytes[0] !== 0xff || bytes[1] !== 0xfe) throw new Error('.reg: no UTF-16 LE byte order mark');
  const text = Buffer.from(bytes.subarray(2)).toString('utf16le');
  if (/[^\r]\n/.test(text)) throw new Error('.reg: line ends must be CRLF');
  const [header = '', ...lines] = text.split('\r\n');
  const sections: RegSection[] = [];
  for (const line of lines) {
    if (line === '' || line.startsWith(';')) continue;
    const section = /^\[(-?)([^\]]+)\]$/.exec(line);
    if (section !== null) {
      sections.push({ path: section[2]!, remove: section[1] === '-', values: new Map() });
      continue;
    }
    const value = VALUE_LINE.exec(line);
    const current = sections.at(-1);
    if (value === null || current === undefined || current.remove) {
      throw new Error(`.reg: unexpected line ${line}`);
    }
    const name = unescape(value[1]!);
    if (current.values.has(name)) throw new Error(`.reg: ${name} set twice`);
    current.values.set(
      name,
      value[2] === undefined
        ? { type: 'string', value: unescape(value[3]!) }
        : { type: 'dword', value: parseInt(value[2], 16) },
    );
  }
  return { header, sections };
}

export type PlistValue = boolean | number | string | PlistValue[] | { [key: string]: PlistValue };

/** A plist element as a value: dict, array, string, integer, true, false and nothing else. */
export function plistValue(node: XmlNode): PlistValue {
  switch (node.name) {
    case 'true':
    case 'false':
      if (node.children.length > 0 || node.text !== '') throw new Error('plist: non-empty boolean');
      return node.name === 'true';
    case 'integer':
      if (!/^-?\d+$/.test(node.text)) throw new Error(`plist: bad integer ${node.text}`);
      return Number(node.text);
    case 'string':
      if (node.children.length > 0) throw new Error('plist: string with elements');
      return node.text;
    case 'array':
      return node.children.map(plistValue);
    case 'dict': {
      const dict: { [key: string]: PlistValue } = {};
      for (let i = 0; i < node.children.length; i += 2) {
        const key = node.children[i]!;
        const value = node.children[i + 1];
        if (key.name !== 'key' || value === undefined)
          throw new Error('plist: dict needs key, value');
        if (Object.hasOwn(dict, key.text)) throw new Error(`plist: duplicate key ${key.text}`);
        dict[key.text] = plistValue(value);
      }
      return dict;
    }
    default:
      throw new Error(`plist: unexpected element ${node.name}`);
  }
}
