/** Sign-in: the token is checked against GET /me before it is kept, so a wrong one is refused at once. */
import type { Me } from '../../../shared/api/responses.js';
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { clientWith, value } from '../remote.js';
import { setToken } from '../session.js';
import { errorText } from '../views/state.js';

export function renderSignIn(root: HTMLElement, onSignedIn: (me: Me) => void, reason?: string): void {
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const message = h('p', { class: 'form-error', role: 'alert' }, reason ?? '');
  const submit = h('button', { type: 'submit' }, t('signIn'));
  const form = h(
    'form',
    { class: 'sign-in card' },
    h('p', { class: 'app-name' }, t('appTitle')),
    h('h1', {}, t('signInTitle')),
    h('p', {}, t('signInHint')),
    h('label', { for: 'token' }, t('token')),
    input,
    submit,
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) {
      message.textContent = t('emptyToken');
      return;
    }
    submit.disabled = true;
    message.textContent = '';
    value(clientWith(token).me())
      .then((me: Me) => {
        if (me.role === 'clerk') {
          message.textContent = t('clerkToken');
          submit.disabled = false;
          return;
        }
        setToken(token);
        onSignedIn(me);
      })
      .catch((err: unknown) => {
        message.textContent = errorText(err);
        submit.disabled = false;
      });
  });
  replace(root, form);
  input.focus();
}
