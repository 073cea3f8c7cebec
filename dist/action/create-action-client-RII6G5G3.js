import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{a,b}from"./chunk-YZTCTTAG.js";import"./chunk-KGD6CABC.js";import"./chunk-ZWB3OVW5.js";import"./chunk-KWCLOTDY.js";import"./chunk-E5HIKLFZ.js";import"./chunk-LK7YJYBO.js";export{b as actionLog,a as createActionClient};
