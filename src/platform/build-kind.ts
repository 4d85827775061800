/**
 * What kind of build this is, for the one place that must know (background/context.ts): the
 * Chromium browser-test build derives vault keys at the floor costs (build-target.d.ts says why).
 */
export const KDF_AT_FLOOR_FOR_TESTS: boolean = __OTTER_E2E_KDF_FLOOR__;
