/** Serves the built course (dist/) on localhost, cross-origin isolated so wasm can use threads. */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startStaticServer } from './lib/staticServer';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4321' },
    host: { type: 'string', default: '127.0.0.1' },
    dir: { type: 'string', default: 'dist' },
    base: { type: 'string', default: process.env.COURSE_BASE ?? '/' },
  },
});

if (!existsSync(values.dir)) {
  console.error(`error: ${values.dir}/ does not exist: build the course first with "npm run build"`);
  process.exit(1);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`error: invalid port: ${values.port} (expected a number from 0 to 65535)`);
  process.exit(1);
}
const { url } = await startStaticServer({ root: values.dir, base: values.base, port, host: values.host });
console.log(`The course is served at ${url} (Ctrl+C to stop)`);
