// Types for the lint zones (eslint.architecture.js), which test/architecture.test.ts lints with.
import type { Linter } from 'eslint';

export const architecture: Linter.Config[];
