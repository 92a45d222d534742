/**
 * Fails (exit 1, each problem on its own line) when a lesson folder is inconsistent: badly named cells, a prose
 * file that does not place every cell once in run order, a translation's frontmatter keys, a folder number
 * that is not the lesson's order (src/lessons/check.ts). npm run build runs it before Astro, so a mistake stops
 * the build before it empties dist/.
 */
import { lessonProblems } from '../src/lessons/check';

const problems = lessonProblems();
if (problems.length > 0) {
  console.error(`check-lessons: ${problems.length} problem${problems.length === 1 ? '' : 's'} in content/lessons:`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
