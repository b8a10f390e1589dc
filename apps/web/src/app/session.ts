import { useSyncExternalStore } from 'react';

/**
 * The access token, kept in localStorage so that a reload keeps the session. The API's answer decides whether
 * it is still good: an UNAUTHENTICATED answer to a signed request clears it (see client.ts), and the guarded
 * routes then send the user to log in, with the page they were on to come back to.
 */
const KEY = 'filmschool.token';
const listeners = new Set<() => void>();
let ended: 'logout' | 'expired' | null = null;

export function getToken(): string | null {
  return localStorage.getItem(KEY);
}

/** Stores a new token, or ends the session (`why` tells the login page whether to say it expired). */
export function setToken(token: string | null, why: 'logout' | 'expired' = 'logout'): void {
  ended = token ? null : why;
  if (token) localStorage.setItem(KEY, token);
  else localStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab logging out logs this one out too.
  const onStorage = (event: StorageEvent) => event.key === KEY && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** How the last session ended in this tab, if it did. */
export function sessionEnd(): 'logout' | 'expired' | null {
  return ended;
}

export function useToken(): string | null {
  return useSyncExternalStore(subscribe, getToken);
}

/** Where to go after logging in: only a path of this app (never another site). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
