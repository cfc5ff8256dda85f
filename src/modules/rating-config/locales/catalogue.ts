import type { en } from './en.js';

/** A text's key: the English catalogue's keys are the key set of every language. */
export type TextKey = keyof typeof en;

/** Every text of one language. A language lacking a key (or holding one English has not) fails the typecheck. */
export type Catalogue = Record<TextKey, string>;
