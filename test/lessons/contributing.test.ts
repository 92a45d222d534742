import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// CONTRIBUTING.md's "Add a lesson" shows the fixture lesson that test/e2e/draftLesson.test.ts builds and runs:
// every block marked `<!-- fixture: path -->` must be that file as it is, and every file of the fixture shown.

const FIXTURE = 'test/fixtures/lessons/90-draft-lesson';
const guide = readFileSync('CONTRIBUTING.md', 'utf8');

function shownFiles(text: string): Map<string, string> {
  const shown = new Map<string, string>();
  for (const match of text.matchAll(/<!-- fixture: (\S+) -->\n```\w*\n([\s\S]*?)```\n/g)) shown.set(match[1]!, match[2]!);
  return shown;
}

describe('the contributor guide', () => {
  it('shows the fixture lesson file for file, as the draft-lesson test builds and runs it', () => {
    const files = readdirSync(FIXTURE, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(mdx|ts)$/.test(file)).map((file) => join(FIXTURE, file)).sort();
    const shown = shownFiles(guide);
    expect([...shown.keys()].sort()).toEqual(files);
    for (const file of files) expect(shown.get(file), file).toBe(readFileSync(file, 'utf8'));
  });

  it('notices a guide that drifted from the fixture', () => {
    const drifted = guide.replace("loadDataset({ resolution: 32 })", "loadDataset({ resolution: 64 })");
    expect(shownFiles(drifted).get(join(FIXTURE, 'cells/01-load.ts'))).not.toBe(readFileSync(join(FIXTURE, 'cells/01-load.ts'), 'utf8'));
  });

  it('is linked from the README', () => {
    expect(readFileSync('README.md', 'utf8')).toContain('(CONTRIBUTING.md)');
  });
});
