/**
 * A 64-bit hash of a text as 16 hex digits (two 32-bit FNV-1a-style lanes), the same in Node and the
 * browser and synchronous: it tells whether a lesson's cells or a dataset's manifest are the ones a
 * reference was made from. Not for security: nobody gains by forging a match.
 */
export function textHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const hex = (lane: number) => (lane >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}
