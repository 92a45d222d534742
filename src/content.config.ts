import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonFrontmatter } from './lib/lessonSchema';

// content/lessons/NN-slug/index.mdx → id "NN-slug"; a translation keeps its English lesson's folder name.
const generateId = ({ entry }: { entry: string }) => entry.replace(/\/index\.mdx$/, '');

const lessons = defineCollection({
  loader: glob({ pattern: '*/index.mdx', base: './content/lessons', generateId }),
  schema: lessonFrontmatter,
});

/** The Chinese course: the same lessons with translated prose and the English lessons' code cells. */
const lessonsZh = defineCollection({
  loader: glob({ pattern: '*/index.mdx', base: './content/lessons-zh', generateId }),
  schema: lessonFrontmatter,
});

export const collections = { lessons, lessonsZh };
