import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
var r=class extends Error{kind;status;constructor(e,s,t={}){super(s,{cause:t.cause}),this.name="AgentOsError",this.kind=e,this.status=t.status}};function i(n){return n instanceof r}export{r as a,i as b};
