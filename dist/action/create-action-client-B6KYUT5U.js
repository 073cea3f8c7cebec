import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{a,b}from"./chunk-OGWU6HE4.js";import"./chunk-HPCZPIWE.js";import"./chunk-KWCLOTDY.js";import"./chunk-O3IUFZXW.js";export{b as actionLog,a as createActionClient};
