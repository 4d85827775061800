#!/usr/bin/env node
// Adds or updates messages in both locale catalogues from a JSON file of
// {key: {en, sv, description?, placeholders?}}, keeping key order stable (sorted by insertion).
// Usage: node scripts/dev/add-messages.mjs new-messages.json
import { readFileSync, writeFileSync } from 'node:fs';

const additions = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const locale of ['en', 'sv']) {
  const path = `public/_locales/${locale}/messages.json`;
  const catalogue = JSON.parse(readFileSync(path, 'utf8'));
  for (const [key, value] of Object.entries(additions)) {
    const entry = { message: value[locale] };
    if (value.description) entry.description = value.description;
    if (value.placeholders) entry.placeholders = value.placeholders;
    catalogue[key] = entry;
  }
  writeFileSync(path, `${JSON.stringify(catalogue, null, 2)}\n`);
}
