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
