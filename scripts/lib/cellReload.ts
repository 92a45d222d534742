/**
 * astro dev: a lesson's cells (cells/*.ts) and exercises are read from disk by remarkCells while its prose
 * (en.mdx, zh.mdx) compiles, so neither Vite nor Astro's content layer knows the prose depends on them. When one
 * changes, this drops the compiled prose of that lesson and reloads the page.
 */
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { LANGS } from '../../src/i18n';
import { LESSONS_ROOT, LESSON_SUBFOLDERS, proseFileName } from '../../src/lessons/layout';

export function cellReload(lessonsRoot = LESSONS_ROOT): Plugin {
  const root = resolve(lessonsRoot);
  const watched: string[] = [LESSON_SUBFOLDERS.cells, LESSON_SUBFOLDERS.exercises];
  return {
    name: 'course-cell-reload',
    apply: 'serve',
    configureServer(server) {
      server.watcher.add(root);
      const onChange = (path: string) => {
        const [lesson, folder] = relative(root, path).split(sep);
        if (!lesson || lesson.startsWith('..') || !watched.includes(folder)) return;
        for (const lang of LANGS) {
          for (const module of server.moduleGraph.getModulesByFile(join(root, lesson, proseFileName(lang))) ?? []) {
            server.moduleGraph.invalidateModule(module);
          }
        }
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
