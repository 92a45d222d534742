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

/**
 * Ctrl-C (SIGINT) or SIGTERM aborts the returned signal and the command cleans up; a second one quits at once
 * (what is left is removed at the next start). `interruptedBy()` says which signal it was.
 */
export function abortOnInterrupt(message: string): AbortSignal & { interruptedBy(): 'SIGINT' | 'SIGTERM' | undefined } {
  const abort = new AbortController();
  let received: 'SIGINT' | 'SIGTERM' | undefined;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    if (received) process.exit(exitCodeFor(signal));
    received = signal;
    console.error(`\ninterrupted (${signal}): ${message} (${signal === 'SIGINT' ? 'Ctrl-C' : 'SIGTERM'} again to quit at once)…`);
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return Object.assign(abort.signal, { interruptedBy: () => received });
}
