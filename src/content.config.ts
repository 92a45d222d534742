import { defineCollection } from 'astro:content';
import { isAbsolute } from 'node:path';
import { glob } from 'astro/loaders';
import { lessonFrontmatter } from './lessons/frontmatter';
import { LESSONS_ROOT, proseFileName } from './lessons/layout';

// A lesson is one folder (src/lessons/layout.ts): content/lessons/NN-slug/en.mdx → id "NN-slug", and its
// translation content/lessons/NN-slug/zh.mdx has the same id in the Chinese collection.
const generateId = ({ entry }: { entry: string }) => entry.split('/')[0]!;
const base = isAbsolute(LESSONS_ROOT) ? LESSONS_ROOT : `./${LESSONS_ROOT}`;
const prose = (lang: 'en' | 'zh') => glob({ pattern: `*/${proseFileName(lang)}`, base, generateId });

const lessons = defineCollection({ loader: prose('en'), schema: lessonFrontmatter });

/** The Chinese course: the same lessons (and the same cell files) with translated prose. */
const lessonsZh = defineCollection({ loader: prose('zh'), schema: lessonFrontmatter });

export const collections = { lessons, lessonsZh };
