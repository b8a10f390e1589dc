import { cacheExchange, Client, fetchExchange, mapExchange } from 'urql';
import { setToken } from './session';

/**
 * One urql client per session: a new token gets a new client, so nothing cached for one person is shown to
 * the next on a shared phone. Queries are cached by document and variables (cache-first).
 */
export function createClient(token: string | null): Client {
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onError(error) {
          const expired = error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
          // Only a signed request can reveal an expired session; a failed login is the login page's business.
          if (token && expired) setToken(null, 'expired');
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
    fetchOptions: () => (token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  });
}
