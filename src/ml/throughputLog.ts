/**
 * Training throughput measured on this device, kept in the browser so the next training cell
 * can say how long it will take before it starts. Keyed by what decides the speed: backend,
 * training path, inputs per image, number of weights and batch size.
 */
export interface ThroughputKey {
  backend: string;
  path: string;
  features: number;
  parameters: number;
  batchSize: number;
}

const STORAGE_KEY = 'course.throughput.v1';

type Log = Record<string, { samplesPerSecond: number; measuredAt: string }>;

function keyText(key: ThroughputKey): string {
  return `${key.backend}|${key.path}|${key.features}|${key.parameters}|${key.batchSize}`;
}

function read(storage: Storage): Log {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Log) : {};
  } catch {
    return {}; // a damaged entry only costs the estimate
  }
}

export function recalledThroughput(storage: Storage, key: ThroughputKey): number | undefined {
  const entry = read(storage)[keyText(key)];
  return entry && Number.isFinite(entry.samplesPerSecond) && entry.samplesPerSecond > 0 ? entry.samplesPerSecond : undefined;
}

export function rememberThroughput(storage: Storage, key: ThroughputKey, samplesPerSecond: number): void {
  if (!Number.isFinite(samplesPerSecond) || samplesPerSecond <= 0) return;
  const log = read(storage);
  log[keyText(key)] = { samplesPerSecond, measuredAt: new Date().toISOString() };
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(log));
  } catch {
    // storage full or disabled: estimates are a convenience
  }
}
