/**
 * Fails (exit 1, each problem on its own line) when a translated lesson's code cells or frontmatter keys differ
 * from its English lesson. npm run build runs it before Astro, so a bad translation stops the build before it
 * empties dist/.
 */
import { translationProblems } from '../src/lib/lessonTranslation';

const problems = translationProblems('content/lessons', 'content/lessons-zh');
if (problems.length > 0) {
  console.error(`check-translations: ${problems.length} problem${problems.length === 1 ? '' : 's'} — a translation must keep the English lesson's code cells byte for byte:`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
