import type { ReactNode } from 'react';
import type { ApiError } from '../../api/client';
import { EmptyState, ErrorState } from '../../components/ui';
import { SettingsNav } from '../../components/settings-nav';

/** The title of a settings section, with the sections' tabs under it. */
export function SettingsHeader({ title, lede, actions }: { title: string; lede: ReactNode; actions?: ReactNode }) {
  return (
    <>
      <header className="page-header">
        <div>
          <h1>{title}</h1>
          <p className="page-lede">{lede}</p>
        </div>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      <SettingsNav />
    </>
  );
}

/** What a section shows when loading it failed: the admins-only sentence for a 403, else the error with a retry. */
export function SectionError({ error, what, onRetry }: { error: ApiError; what: string; onRetry: () => void }) {
  if (error.status === 403 && error.code === 'forbidden_role') {
    return (
      <EmptyState icon="ban" title="Only admins can see this">
        <p>Ask an admin of your organization for access to {what.toLowerCase()}.</p>
      </EmptyState>
    );
  }
  return <ErrorState error={error} what={what} onRetry={onRetry} />;
}
