export { gemm, gemmScratchBytes, transpose } from "./gemm";
