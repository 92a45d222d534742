/// <reference path="../.astro/types.d.ts" />
/// <reference types="vite/client" />
