/** A status line: one polite live region per section, its text in the language shown. */
import type { Say } from '../state.js';
import { usePane } from './context.js';

export function Status({ id, say }: { id: string; say: Say | null }) {
  const { t } = usePane();
  return (
    <p id={id} class={`status ${say?.tone ?? ''}`} role="status">
      {say?.text(t.value) ?? ''}
    </p>
  );
}

/** A progress bar: indeterminate for null, a fraction otherwise; nothing for undefined. */
export function Progress({ value }: { value: number | null | undefined }) {
  if (value === undefined) return null;
  return value === null ? <progress id="progress" /> : <progress id="progress" value={value} />;
}
