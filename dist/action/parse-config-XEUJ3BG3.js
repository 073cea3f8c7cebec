import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{b,c}from"./chunk-F5RJ2AVX.js";import{v as a}from"./chunk-FVKTJKXG.js";import"./chunk-BFSF5237.js";import"./chunk-LK7YJYBO.js";export{a as DEFAULT_SETTINGS,b as parseConfig,c as renderConfigProblems};
