import { EmptyState } from '../components/ui';
import { Link } from '../lib/router';

export function NotFoundPage() {
  return (
    <div className="page">
      <EmptyState icon="alert" title="There is no page here">
        <p>
          The address may be mistyped. Go to <Link to="/inbox">the inbox</Link> or{' '}
          <Link to="/analytics">analytics</Link>.
        </p>
      </EmptyState>
    </div>
  );
}
