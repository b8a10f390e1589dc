import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { setToken, useToken } from '../../app/session';
import { apiProblem } from '../../i18n/errors';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { Alert, Button, Field, Page } from '../../ui/ui';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { AcceptInvitationMutation } from './operations';

/** `/invitation?token=…`, the link of the invitation e-mail: choose a password, and be signed in. */
export function InvitationPage() {
  const { t } = useI18n();
  const token = useToken();
  const [params] = useSearchParams();
  const invitation = params.get('token');
  const [{ fetching }, accept] = useMutation(AcceptInvitationMutation);
  const [errors, setErrors] = useState<{ password?: MessageKey; form?: MessageKey }>({});

  if (token) return <Navigate to="/" replace />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    if (!password) return setErrors({ password: 'login.required' });
    const result = await accept({ token: invitation ?? '', password });
    if (result.data) return setToken(result.data.acceptInvitation.accessToken);
    if (result.error) {
      const problem = apiProblem(result.error);
      setErrors(problem.reason === 'WEAK_PASSWORD' ? { password: problem.message } : { form: problem.message });
    }
  };

  return (
    <main className="shell-main" id="main">
      <LanguageSwitch />
      <Page title={t('invitation.title')} intro={t('invitation.intro')}>
        {!invitation ? (
          <Alert>{t('invitation.missingToken')}</Alert>
        ) : (
          <>
            {errors.form && <Alert>{t(errors.form)}</Alert>}
            <form className="form" onSubmit={submit} noValidate>
              <Field
                label={t('invitation.password')}
                hint={t('invitation.hint')}
                name="password"
                type="password"
                autoComplete="new-password"
                error={errors.password && t(errors.password)}
              />
              <div>
                <Button type="submit" disabled={fetching}>
                  {t('invitation.submit')}
                </Button>
              </div>
            </form>
          </>
        )}
      </Page>
    </main>
  );
}
