import { computed, effect, signal } from '@preact/signals-core';
import { createElement, Fragment } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

/**
 * What an on-demand script (on-demand-names.ts) takes from the content script instead of bundling
 * its own copy: one Preact (hooks keep their state in Preact's `options`, so there must be one),
 * one signals library. wxt.config.ts builds on-demand scripts with these packages resolved to this
 * object, export by export: a name they import that this list lacks fails the build. Add names as
 * an on-demand script needs them (each costs the content script a few bytes).
 */
export const ON_DEMAND_SHARED = {
  // JSX compiles to createElement (wxt.config.ts, classicJsx).
  preact: { createElement, Fragment },
  'preact/hooks': { useEffect, useLayoutEffect, useMemo, useRef, useState },
  '@preact/signals-core': { computed, effect, signal },
} as const;
