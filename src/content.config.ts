import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonFrontmatter } from './lib/lessonSchema';

const lessons = defineCollection({
  // content/lessons/NN-slug/index.mdx → id "NN-slug"
  loader: glob({ pattern: '*/index.mdx', base: './content/lessons', generateId: ({ entry }) => entry.replace(/\/index\.mdx$/, '') }),
  schema: lessonFrontmatter,
});

export const collections = { lessons };
