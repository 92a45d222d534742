/** The exercises' words in every language, for the page scripts (they bundle only this area of the tables). */
import type { Lang, Messages } from './index';
import { exercises as en } from './en/exercises';
import { exercises as zh } from './zh/exercises';

export type ExercisesText = Messages['exercises'];

export const exercisesText: Record<Lang, ExercisesText> = { en, zh };
