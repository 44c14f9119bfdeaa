import { t } from '../i18n.ts';
import { useSession } from '../session.tsx';

export function Loading() {
  const { lang } = useSession();
  return (
    <p className="muted" role="status">
      {t(lang, 'loading')}
    </p>
  );
}

export function ErrorNote({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { lang } = useSession();
  return (
    <div className="error" role="alert">
      <strong>{t(lang, 'error')}:</strong> {message}{' '}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t(lang, 'retry')}
        </button>
      )}
    </div>
  );
}

/** The API declined for this caller: say who may see it instead of showing the raw error. */
export function RefusedNote({ testId, code }: { testId: string; code: string | undefined }) {
  const { lang, token } = useSession();
  // Signed in but refused as UNAUTHENTICATED: the token is not (or no longer) accepted.
  return (
    <p className="note" role="status" data-testid={testId} data-code={code}>
      {t(lang, token && code === 'FORBIDDEN' ? 'refusedOtherRole' : 'refusedSignIn')}
    </p>
  );
}
