import { z } from 'zod';

/** What every lesson's frontmatter must say; unknown keys are rejected so typos surface. */
export const lessonFrontmatter = z
  .object({
    title: z.string().min(1, 'title must not be empty'),
    order: z.number({ invalid_type_error: 'order must be a number (the lesson\'s place in the course)' }).int().positive(),
    summary: z.string().min(1, 'summary must not be empty'),
    /** The part of the article the lesson mirrors, shown on the course index. */
    mirrors: z.string().min(1, 'mirrors must name the part of the article the lesson follows'),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof lessonFrontmatter>;
