import { useMemo } from 'react';
import { RouterProvider } from 'react-router/dom';
import { Provider as GraphqlProvider } from 'urql';
import { I18nProvider } from '../i18n/i18n';
import { createClient } from './client';
import { router } from './router';
import { useToken } from './session';

export function App() {
  const token = useToken();
  const client = useMemo(() => createClient(token), [token]);
  return (
    <I18nProvider>
      <GraphqlProvider value={client}>
        <RouterProvider router={router} />
      </GraphqlProvider>
    </I18nProvider>
  );
}
