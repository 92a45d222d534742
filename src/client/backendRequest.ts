/**
 * Reads `?backend=` from a page address against the TF.js backends the page registered, so a
 * typo (`foo`), a backend this build does not include (`webgpu`) or another case (`WASM`) never
 * leaves training waiting on a backend that cannot start.
 */
export type BackendRequest =
  | { kind: 'none' }
  | { kind: 'known'; name: string }
  | { kind: 'unknown'; requested: string; available: string[] };

export function readBackendRequest(requested: string | null, registered: readonly string[]): BackendRequest {
  if (requested === null || requested.trim() === '') return { kind: 'none' };
  const name = registered.find((backend) => backend.toLowerCase() === requested.trim().toLowerCase());
  return name ? { kind: 'known', name } : { kind: 'unknown', requested, available: [...registered].sort() };
}
