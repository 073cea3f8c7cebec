import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  AgentOsError
} from "./chunk-QIJ5KXJY.js";

// src/fs/read-text-file.ts
import { readFile } from "node:fs/promises";
function cannotRead(error, shownAs) {
  const code = error.code ?? "error";
  const why = code === "EACCES" ? "permission denied" : code === "EISDIR" ? "it is a folder" : code === "ENOENT" ? "no such file" : code;
  return new AgentOsError("user-input", `Cannot read ${shownAs}: ${why}`, { cause: error });
}
async function readTextFile(path, shownAs) {
  return (await readTextFileWithSize(path, shownAs)).text;
}
async function readTextFileWithSize(path, shownAs) {
  try {
    const buffer = await readFile(path);
    return { text: buffer.toString("utf8"), bytes: buffer.length };
  } catch (error) {
    throw cannotRead(error, shownAs);
  }
}

export {
  readTextFile,
  readTextFileWithSize
};
