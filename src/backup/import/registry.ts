/**
 * Every importer, in the order their `detect` is tried (FORMATS.md §10: the most specific
 * shapes first, the generic otpauth list last). Adding an app is one file and one line here.
 */
import type { Importer } from './types';

export const IMPORTERS: readonly Importer[] = [];
