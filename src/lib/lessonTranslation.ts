import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A translated lesson shares its code cells with the English lesson: only the prose is translated.
 * These checks keep the two in step — the build refuses a translation whose code differs, and says where.
 */

export interface CodeBlock {
  /** The opening fence line, e.g. "```ts cell id=load". */
  fence: string;
  /** Everything between the fences, byte for byte. */
  code: string;
  /** 1-based line of the opening fence in its file. */
  line: number;
}

/** The fenced code blocks of a Markdown/MDX text, in order. */
export function codeBlocks(text: string): CodeBlock[] {
  const lines = text.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})/.exec(lines[i]!);
    if (!open) continue;
    const marker = open[1]!;
    const end = lines.findIndex((line, j) => j > i && line.startsWith(marker) && line.trim() === marker);
    if (end < 0) {
      blocks.push({ fence: lines[i]!, code: lines.slice(i + 1).join('\n'), line: i + 1 });
      break;
    }
    blocks.push({ fence: lines[i]!, code: lines.slice(i + 1, end).join('\n'), line: i + 1 });
    i = end;
  }
  return blocks;
}

/** The frontmatter's keys, in order. */
export function frontmatterKeys(text: string): string[] {
  const block = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  return block.split('\n').map((line) => /^([A-Za-z_][\w-]*):/.exec(line)?.[1]).filter((key): key is string => key !== undefined);
}

/**
 * Every way a translation departs from its English lesson other than its prose, as messages naming the
 * block and line in the translation; empty when they agree.
 */
export function translationMismatches(english: string, translated: string): string[] {
  const problems: string[] = [];
  const englishKeys = frontmatterKeys(english).join(', ');
  const translatedKeys = frontmatterKeys(translated).join(', ');
  if (englishKeys !== translatedKeys) problems.push(`frontmatter keys are [${translatedKeys}], the English lesson has [${englishKeys}]`);
  const source = codeBlocks(english);
  const copy = codeBlocks(translated);
  const count = Math.max(source.length, copy.length);
  for (let i = 0; i < count; i++) {
    const a = source[i];
    const b = copy[i];
    if (!b) {
      problems.push(`code block ${i + 1} (${a!.fence}, English line ${a!.line}) is missing`);
    } else if (!a) {
      problems.push(`code block ${i + 1} (${b.fence}, line ${b.line}) is not in the English lesson`);
    } else if (a.fence !== b.fence) {
      problems.push(`code block ${i + 1} at line ${b.line} opens with "${b.fence}", the English lesson with "${a.fence}"`);
    } else if (a.code !== b.code) {
      const codeA = a.code.split('\n');
      const codeB = b.code.split('\n');
      // The first differing line; when the translation's block is a prefix of the English one, the line after it.
      const first = codeB.findIndex((lineB, k) => lineB !== codeA[k]);
      const at = first === -1 ? codeB.length : first;
      problems.push(`code block ${i + 1} (${b.fence}) differs from the English at line ${b.line + 1 + at}: "${codeB[at] ?? '(end of block)'}" instead of "${codeA[at] ?? '(end of block)'}"`);
    }
  }
  return problems;
}

/**
 * Checks every translated lesson under `translatedRoot` (e.g. content/lessons-zh) against its English lesson
 * under `englishRoot`; returns one message per problem, each naming the file. A lesson not yet translated is
 * not a problem: its English page simply has no language switch.
 */
export function translationProblems(englishRoot: string, translatedRoot: string): string[] {
  if (!existsSync(translatedRoot)) return [];
  const problems: string[] = [];
  for (const id of readdirSync(translatedRoot).sort()) {
    const translated = join(translatedRoot, id, 'index.mdx');
    const english = join(englishRoot, id, 'index.mdx');
    if (!existsSync(translated)) continue;
    if (!existsSync(english)) {
      problems.push(`${translated}: translates a lesson that does not exist (no ${english})`);
      continue;
    }
    for (const problem of translationMismatches(readFileSync(english, 'utf8'), readFileSync(translated, 'utf8'))) {
      problems.push(`${translated}: ${problem}`);
    }
  }
  return problems;
}
