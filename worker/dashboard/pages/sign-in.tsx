/** Sign-in: the token is checked against GET /me before it is kept, so a wrong one is refused at once. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Me } from '../../../shared/api/responses.js';
import { t } from '../i18n.js';
import { clientWith, value } from '../remote.js';
import { setToken } from '../session.js';
import { errorText } from '../ui.js';

export function SignIn({
  onSignedIn,
  reason,
  toggleLang,
}: {
  onSignedIn: (me: Me) => void;
  reason?: string | undefined;
  toggleLang: () => void;
}) {
  const [message, setMessage] = useState(reason ?? '');
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);

  const submit = (event: Event): void => {
    event.preventDefault();
    const token = field.current?.value.trim() ?? '';
    if (!token) {
      setMessage(t('emptyToken'));
      return;
    }
    setBusy(true);
    setMessage('');
    value(clientWith(token).me())
      .then((me: Me) => {
        setBusy(false);
        if (me.role === 'clerk') return setMessage(t('clerkToken'));
        setToken(token);
        onSignedIn(me);
      })
      .catch((err: unknown) => {
        setMessage(errorText(err));
        setBusy(false);
      });
  };

  return (
    <>
      <div class="sign-in-lang">
        <button type="button" class="lang" onClick={toggleLang}>
          {t('language')}
        </button>
      </div>
      <form class="sign-in card" onSubmit={submit}>
        <p class="app-name">{t('appTitle')}</p>
        <h1>{t('signInTitle')}</h1>
        <p>{t('signInHint')}</p>
        <label for="token">{t('token')}</label>
        <input ref={field} id="token" name="token" type="password" autocomplete="off" required spellcheck={false} />
        <button type="submit" disabled={busy}>
          {t('signIn')}
        </button>
        <p class="form-error" role="alert">
          {message}
        </p>
      </form>
    </>
  );
}
