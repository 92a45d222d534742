import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Validates notebooks with the real validator, Debian's python3-nbformat (`.ci/run` installs it), one result
 * per notebook. A missing nbformat fails the test: the export must be checked, not assumed.
 */
export function nbformatValidate(...notebooks: unknown[]): Array<{ ok: boolean; output: string }> {
  const pythons = [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter((p): p is string => Boolean(p) && (p === 'python3' || existsSync(p!)));
  const script = [
    'import json, sys, nbformat',
    'for text in json.load(sys.stdin):',
    '    try:',
    '        nbformat.validate(nbformat.reads(text, as_version=4)); print("valid")',
    '    except Exception as error:',
    '        print(repr(error).replace("\\n", " "))',
  ].join('\n');
  let last = '';
  for (const python of pythons) {
    const probe = spawnSync(python, ['-c', 'import nbformat'], { encoding: 'utf8' });
    if (probe.status !== 0) {
      last = `${python}: ${probe.stderr || probe.error?.message}`;
      continue;
    }
    const run = spawnSync(python, ['-c', script], { input: JSON.stringify(notebooks.map((notebook) => JSON.stringify(notebook))), encoding: 'utf8' });
    const lines = run.stdout.trim().split('\n');
    if (run.status !== 0 || lines.length !== notebooks.length) throw new Error(`nbformat failed: ${run.stdout}${run.stderr}`);
    return lines.map((line) => ({ ok: line === 'valid', output: line }));
  }
  throw new Error(`nbformat is not installed (apt-get install python3-nbformat): ${last}`);
}
