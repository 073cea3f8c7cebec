import { storeOf } from './conditional-requests.js';

/** Where the App's bot login is kept once seen: the same for every installation of one App. */
const LOGIN_KEY = 'app:bot-login';

/**
 * Note the App's own bot login from the author of something it just wrote (a comment it created): learned without
 * a request, and from then on the webhooks its own writes cause can be told apart (see `isAppSender`).
 */
export async function rememberAppLogin(client: object, login: string | undefined): Promise<void> {
  const store = storeOf(client);
  if (store === undefined || login === undefined || !login.endsWith('[bot]')) return;
  if ((await store.get(LOGIN_KEY)) !== login) await store.set(LOGIN_KEY, login);
}

/**
 * Whether an event was sent by the App itself: its sender is a bot whose login is the one the App's own writes
 * carry. Before the App has written anything it knows no login, and nothing is taken as its own (the event is
 * then handled as any other: correct, only dearer).
 */
export async function isAppSender(
  client: object,
  sender: { login: string; type?: string } | undefined,
): Promise<boolean> {
  const store = storeOf(client);
  if (store === undefined || sender === undefined || sender.type !== 'Bot') return false;
  return (await store.get(LOGIN_KEY)) === sender.login;
}
