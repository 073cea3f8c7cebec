// `bottleneck/light.js` is Bottleneck without its Redis clustering: the build @octokit/plugin-throttling itself
// loads, so the Action's bundle holds one copy. The package types only its main entry; the light one is the same API.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
