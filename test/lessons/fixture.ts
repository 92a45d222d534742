import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throw-away lessons folder: `write('01-a/cells/01-load.ts', '…')`, then `remove()`. */
export function lessonsFixture() {
  const root = mkdtempSync(join(tmpdir(), 'lessons-'));
  return {
    root,
    write(path: string, text: string): string {
      const file = join(root, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Prose with frontmatter (order from the folder's number unless given) and the given body. */
export function prose(title: string, order: number, body: string): string {
  return `---\ntitle: '${title}'\norder: ${order}\nsummary: S\nmirrors: M\n---\n\n${body}`;
}
