import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command-line tool's name and usage text: errors print both and exit with code 2. */
export interface Command {
  name: string;
  usage: string;
}

export function failUsage(command: Command, message: string): never {
  console.error(`${command.name}: ${message}\n${command.usage}`);
  process.exit(2);
}

/**
 * Parses the options and exactly one positional argument (the input path), the shape every
 * dataset command has; --help prints the usage and exits 0, a bad option exits 2 with it.
 */
export function parseCommandLine<O extends NonNullable<ParseArgsConfig['options']>>(command: Command, options: O, what: string) {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    failUsage(command, (error as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(command.usage);
    process.exit(0);
  }
  if (parsed.positionals.length !== 1) failUsage(command, `expected one ${what}, got ${parsed.positionals.length}`);
  return { values: parsed.values, input: parsed.positionals[0]! };
}

/** A lowercase slug for dataset ids: "AV Emergency (2020)" → "av-emergency-2020". */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'dataset';
}

/** The exit code of a process ended by `signal` (128 + its number): 130 for SIGINT, 143 for SIGTERM. */
export const exitCodeFor = (signal: 'SIGINT' | 'SIGTERM') => 128 + (signal === 'SIGINT' ? 2 : 15);

// A signal sent to the whole process group (a terminal's Ctrl-C, kill -TERM -<pgid>) also reaches tsx's
// relay, which sends it again: a repeat this soon is that echo, not the reader asking to quit at once.
const REPEAT_IS_ECHO_MS = 1000;

/**
 * Ctrl-C (SIGINT) or SIGTERM aborts the returned signal and the command cleans up; a second one (a second
 * later or more) quits at once (what is left is removed at the next start). `interruptedBy()` says which it was.
 */
export function abortOnInterrupt(message: string): AbortSignal & { interruptedBy(): 'SIGINT' | 'SIGTERM' | undefined } {
  const abort = new AbortController();
  let received: 'SIGINT' | 'SIGTERM' | undefined;
  let receivedAt = 0;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    if (received) {
      if (performance.now() - receivedAt < REPEAT_IS_ECHO_MS) return;
      process.exit(exitCodeFor(signal));
    }
    received = signal;
    receivedAt = performance.now();
    console.error(`\ninterrupted (${signal}): ${message} (${signal === 'SIGINT' ? 'Ctrl-C' : 'SIGTERM'} again to quit at once)…`);
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return Object.assign(abort.signal, { interruptedBy: () => received });
}
