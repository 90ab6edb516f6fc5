import { createContext } from 'react';

/**
 * The year a page is read in (YYYY): that of the status it shows (its as-of moment, see
 * readingYear in core), or of the day it shows. Moments and days of another year are written with
 * their year ("10 Nov 2025 00:00"). Where no page gives one, an explanation is read in the year its
 * agreement starts.
 */
export const ReadingYear = createContext<string | undefined>(undefined);
