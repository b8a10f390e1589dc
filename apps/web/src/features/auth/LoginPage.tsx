import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { safeNext, setToken, useToken } from '../../app/session';
import { apiProblem } from '../../i18n/errors';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { Alert, Button, Field, Page } from '../../ui/ui';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { LoginMutation } from './operations';

type Errors = Partial<Record<'email' | 'password' | 'form', MessageKey>>;

/** Which field an API refusal of a login concerns; the rest is shown above the form. */
const FIELD_OF_REASON: Record<string, 'email' | 'password'> = { INVALID_CREDENTIALS: 'password' };

export function LoginPage() {
  const { t } = useI18n();
  const token = useToken();
  const [params] = useSearchParams();
  const [{ fetching }, login] = useMutation(LoginMutation);
  const [errors, setErrors] = useState<Errors>({});

  if (token) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const missing: Errors = {};
    if (!email) missing.email = 'login.required';
    if (!password) missing.password = 'login.required';
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    const result = await login({ email, password });
    if (result.data) return setToken(result.data.login.accessToken);
    if (result.error) {
      const problem = apiProblem(result.error);
      setErrors({ [(problem.reason && FIELD_OF_REASON[problem.reason]) || 'form']: problem.message });
    }
  };

  return (
    <main className="shell-main" id="main">
      <LanguageSwitch />
      <Page title={t('login.title')} intro={t('login.intro')}>
        {params.get('expired') && <p className="notice">{t('login.expired')}</p>}
        {errors.form && <Alert>{t(errors.form)}</Alert>}
        <form className="form" onSubmit={submit} noValidate>
          <Field
            label={t('login.email')}
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            error={errors.email && t(errors.email)}
          />
          <Field
            label={t('login.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            error={errors.password && t(errors.password)}
          />
          <div>
            <Button type="submit" disabled={fetching}>
              {fetching ? t('login.submitting') : t('login.submit')}
            </Button>
          </div>
        </form>
      </Page>
    </main>
  );
}
