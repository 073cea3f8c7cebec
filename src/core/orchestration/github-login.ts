/** A GitHub login: letters, digits and single hyphens, not starting or ending with one, at most 39 characters. */
const LOGIN = /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i;

/** Whether a string can be a GitHub user's login (a leading `@` is the caller's to strip). */
export function isGitHubLogin(login: string): boolean {
  return LOGIN.test(login);
}
