import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{a,b,c,d}from"./chunk-4RU2UETF.js";import"./chunk-KGD6CABC.js";import"./chunk-D6ESQRKQ.js";import"./chunk-KWCLOTDY.js";import"./chunk-E5HIKLFZ.js";import"./chunk-LK7YJYBO.js";export{a as WRITE_PACING_ENV,d as actionLog,c as createActionClient,b as throttleOptions};
