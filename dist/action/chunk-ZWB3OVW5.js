import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{c as o}from"./chunk-LK7YJYBO.js";var t=o((p,e)=>{e.exports=process.getBuiltinModule("node:path")});export{t as a};
