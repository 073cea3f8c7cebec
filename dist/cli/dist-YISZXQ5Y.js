import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  require_dist
} from "./chunk-ZNNRTZPP.js";
import "./chunk-TB6QAKHI.js";
export default require_dist();
