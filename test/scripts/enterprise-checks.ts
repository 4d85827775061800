/**
 * Checks shared by the enterprise template tests: ADMX structure rules and typed values.
 */
import { expect } from 'vitest';
import type { PolicyValue } from '../../scripts/enterprise/examples';
import type { PolicyKey } from '../../scripts/enterprise/schema';
import { policyTextMax } from '../../src/policy/policy';
import { child, childrenNamed, type XmlNode } from '../support/xml';

/** The order of policyDefinitions' children, and of a policy's, in the ADMX schema. */
export const ROOT_ORDER = [
  'policyNamespaces',
  'supersededAdm',
  'resources',
  'supportedOn',
  'categories',
  'policies',
];
const POLICY_ORDER = [
  'parentCategory',
  'seeAlso',
  'keywords',
  'supportedOn',
  'enabledValue',
  'disabledValue',
  'enabledList',
  'disabledList',
  'elements',
];

export function inOrder(names: readonly string[], order: readonly string[]): void {
  const known = names.filter((n) => order.includes(n));
  expect(known, 'only known children').toEqual(names);
  expect(names).toEqual([...names].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
}

/** The value has the JSON/plist type of its key's kind, and is the example. */
export function expectTyped(key: PolicyKey, actual: unknown, expected: PolicyValue): void {
  const type = { boolean: 'boolean', integer: 'number', string: 'string', 'string-list': 'object' }[
    key.kind
  ];
  expect(typeof actual, key.name).toBe(type);
  if (key.kind === 'integer') expect(Number.isInteger(actual), key.name).toBe(true);
  if (key.kind === 'string-list')
    expect(Array.isArray(actual) && actual.every((i) => typeof i === 'string')).toBe(true);
  expect(actual, key.name).toEqual(expected);
}

/** The ADMX element a key must become, checked against the schema. */
export function expectAdmxPolicy(policy: XmlNode, key: PolicyKey, policyKey: string): void {
  expect(policy.attrs.key).toBe(policyKey);
  expect(policy.attrs.class).toMatch(/^(Machine|User|Both)$/);
  inOrder(
    policy.children.map((c) => c.name),
    POLICY_ORDER,
  );
  if (key.kind === 'boolean') {
    expect(policy.attrs.valueName).toBe(key.name);
    expect(policy.attrs.presentation).toBeUndefined();
    expect(child(child(policy, 'enabledValue'), 'decimal').attrs.value).toBe('1');
    expect(child(child(policy, 'disabledValue'), 'decimal').attrs.value).toBe('0');
    expect(childrenNamed(policy, 'elements')).toEqual([]);
    return;
  }
  const elements = child(policy, 'elements').children;
  expect(elements).toHaveLength(1);
  const element = elements[0]!;
  expect(element.attrs.id).toBe(key.name);
  if (key.kind === 'string-list') {
    expect(element.name).toBe('list');
    expect(element.attrs.key).toBe(`${policyKey}\\${key.name}`);
    expect(element.attrs.valuePrefix).toBe('');
    return;
  }
  expect(element.attrs.valueName).toBe(key.name);
  if (key.enumValues !== undefined) {
    expect(element.name).toBe('enum');
    const values = childrenNamed(element, 'item').map((item) => {
      const value = child(item, 'value').children[0]!;
      return value.name === 'decimal' ? Number(value.attrs.value) : value.text;
    });
    expect(values).toEqual(key.enumValues);
  } else if (key.kind === 'integer') {
    expect(element.name).toBe('decimal');
    expect(Number(element.attrs.minValue)).toBe(key.minimum);
    expect(Number(element.attrs.maxValue)).toBe(key.maximum);
  } else {
    expect(element.name).toBe('text');
    // As long as Otter takes it (Group Policy's own limit is 1023 characters).
    const max = policyTextMax(key.name);
    expect(element.attrs.maxLength, key.name).toBe(max === undefined ? undefined : String(max));
  }
}
