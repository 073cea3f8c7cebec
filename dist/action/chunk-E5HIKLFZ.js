import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{c as e}from"./chunk-LK7YJYBO.js";var t=e((i,o)=>{o.exports=process.getBuiltinModule("node:os")});var d=e((l,s)=>{s.exports=process.getBuiltinModule("node:fs")});export{t as a,d as b};
