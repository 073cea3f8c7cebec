import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{b,c}from"./chunk-ARSUZGAK.js";import{r as a}from"./chunk-U4LR2FOY.js";import"./chunk-BFSF5237.js";import"./chunk-LK7YJYBO.js";export{a as DEFAULT_SETTINGS,b as parseConfig,c as renderConfigProblems};
