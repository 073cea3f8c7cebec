import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{b,c}from"./chunk-M5OJGQT2.js";import{r as a}from"./chunk-FJUYZHOG.js";import"./chunk-4BR6QL2J.js";import"./chunk-ZWB3OVW5.js";import"./chunk-LK7YJYBO.js";export{a as DEFAULT_SETTINGS,b as parseConfig,c as renderConfigProblems};
