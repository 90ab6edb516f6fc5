import { createContext, useContext } from 'react';
import type { Translator } from './translate.ts';
import { translator } from './translate.ts';

export const I18nContext = createContext<Translator>(translator('en'));

/** The translator of the chosen language. */
export function useI18n(): Translator {
  return useContext(I18nContext);
}
