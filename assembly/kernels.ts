export { gemm, gemmScratchBytes, transpose } from "./gemm";
export { adam } from "./adam";
