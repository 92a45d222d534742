import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonFrontmatter } from './lib/lessonSchema';
import { LESSONS_ROOT, proseFileName } from './lessons/layout';

// A lesson is one folder (src/lessons/layout.ts): content/lessons/NN-slug/en.mdx → id "NN-slug", and its
// translation content/lessons/NN-slug/zh.mdx has the same id in the Chinese collection.
const generateId = ({ entry }: { entry: string }) => entry.split('/')[0]!;
const prose = (lang: 'en' | 'zh') => glob({ pattern: `*/${proseFileName(lang)}`, base: `./${LESSONS_ROOT}`, generateId });

const lessons = defineCollection({ loader: prose('en'), schema: lessonFrontmatter });

/** The Chinese course: the same lessons (and the same cell files) with translated prose. */
const lessonsZh = defineCollection({ loader: prose('zh'), schema: lessonFrontmatter });

export const collections = { lessons, lessonsZh };
