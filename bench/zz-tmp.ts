import { parseMarkdown } from '../src/core/markdown/parse-markdown.js';
for (const s of ['```sh\n    ```\n', '```sh\n    ```', '```sh\n    ```\n\n\n', '- ```\n      ```\n', '> ```\n>     ```\n', '- ```\n      ```\n\n', '```\nx\n```\n', '    ```\n', '    ```\n\n', '- x\n\n      ```\n']) {
  const find = (n: any): any => n.type === 'code' ? n : (n.children ?? []).map(find).find(Boolean);
  const c = find(parseMarkdown(s));
  console.log(JSON.stringify(s), s.length, c?.position.start.offset, c?.position.end.offset);
}
