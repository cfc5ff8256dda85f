import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Icon, Logo, type IconName } from './components/icons';
import { Skeleton, Spinner } from './components/ui';
import { Link, matchPath, useRouter } from './lib/router';
import { ConversationPage } from './pages/conversation';
import { InboxPage } from './pages/inbox';
import { ReviewsPage } from './pages/reviews';
import { AcceptInvitePage } from './pages/accept-invite';
import { NotFoundPage } from './pages/not-found';
import { ProfilePage } from './pages/profile';
import { SettingsPage } from './pages/settings';
import { ApiKeysPage } from './pages/settings/api-keys';
import { AuditLogPage } from './pages/settings/audit-log';
import { QuestionsPage } from './pages/settings/questions';
import { TextsPage } from './pages/settings/texts';
import { WebhooksPage } from './pages/settings/webhooks';
import { ConnectionsPage } from './pages/settings/connections';
import { SignInPage } from './pages/sign-in';
import { TeamPage } from './pages/team';
import { useSession } from './session';

// The charts are the heaviest part of the bundle: load them with the analytics page only.
const AnalyticsPage = lazy(() =>
  import('./pages/analytics/analytics-page').then((module) => ({ default: module.AnalyticsPage })),
);

const HOME = '/analytics';

const navigation: Array<{ to: string; label: string; icon: IconName }> = [
  { to: '/analytics', label: 'Analytics', icon: 'chart' },
  { to: '/inbox', label: 'Inbox', icon: 'inbox' },
  { to: '/reviews', label: 'Reviews', icon: 'check' },
  { to: '/settings', label: 'Settings', icon: 'settings' },
];

/** The settings' sections beyond the rating settings at /settings itself. */
const settingsSections: Record<string, { title: string; page: () => ReactNode }> = {
  '/settings/questions': { title: 'Questions', page: () => <QuestionsPage /> },
  '/settings/texts': { title: 'Texts', page: () => <TextsPage /> },
  '/settings/team': { title: 'Team', page: () => <TeamPage /> },
  '/settings/api-keys': { title: 'API keys', page: () => <ApiKeysPage /> },
  '/settings/webhooks': { title: 'Webhooks', page: () => <WebhooksPage /> },
  '/settings/connections': { title: 'Connections', page: () => <ConnectionsPage /> },
  '/settings/audit-log': { title: 'Audit log', page: () => <AuditLogPage /> },
};

function titleOf(pathname: string): string {
  if (pathname.startsWith('/conversations/')) return 'Conversation';
  const section = settingsSections[pathname];
  if (section) return section.title;
  if (pathname === '/profile') return 'Your profile';
  if (pathname === '/accept-invite') return 'Join your team';
  return navigation.find((item) => item.to === pathname)?.label ?? 'Plaudit';
}

/** The page for a path, inside the signed-in shell. */
function page(pathname: string): ReactNode {
  if (pathname === '/analytics') {
    return (
      <Suspense fallback={<Skeleton lines={6} height={64} />}>
        <AnalyticsPage />
      </Suspense>
    );
  }
  if (pathname === '/inbox') return <InboxPage />;
  if (pathname === '/reviews') return <ReviewsPage />;
  if (pathname === '/settings') return <SettingsPage />;
  const section = settingsSections[pathname];
  if (section) return section.page();
  if (pathname === '/profile') return <ProfilePage />;
  const conversation = matchPath('/conversations/:id', pathname);
  if (conversation) return <ConversationPage key={conversation.id} id={conversation.id!} />;
  return <NotFoundPage />;
}

/** Pages the server renders itself that send people here to sign in first; the app must load them anew. */
const SERVER_PAGES = ['/widget-demo'];

function isServerPage(path: string): boolean {
  return SERVER_PAGES.includes(new URL(path, window.location.origin).pathname);
}

/**
 * Where to go after signing in: the `next` a page sent, when it is a path on this server. `//host` and `/\host` would
 * leave the server (browsers read a backslash as a slash), so they, and anything else, go home.
 */
function returnPath(next: string | null): string {
  return next && /^\/(?![/\\])/.test(next) ? next : HOME;
}

function LeaveApp({ to }: { to: string }) {
  useEffect(() => window.location.replace(to), [to]);
  return (
    <div className="boot">
      <Spinner label="Loading" />
    </div>
  );
}

function Redirect({ to }: { to: string }) {
  const { navigate } = useRouter();
  useEffect(() => navigate(to, { replace: true }), [navigate, to]);
  return null;
}

export function App() {
  const { state } = useSession();
  const { location } = useRouter();
  const { pathname, search, hash } = location;

  useEffect(() => {
    document.title = pathname === '/sign-in' ? 'Sign in · Plaudit' : `${titleOf(pathname)} · Plaudit`;
  }, [pathname]);

  if (state.status === 'loading') {
    return (
      <div className="boot">
        <Spinner label="Loading Plaudit" />
      </div>
    );
  }

  // Public, like sign-in; accepting replaces whatever session the browser had.
  if (pathname === '/accept-invite') return <AcceptInvitePage />;

  if (pathname === '/sign-in') {
    if (state.status === 'signed-in') {
      const next = returnPath(new URLSearchParams(search).get('next'));
      if (isServerPage(next)) return <LeaveApp to={next} />;
      return <Redirect to={next} />;
    }
    return <SignInPage expired={state.expired === true} />;
  }

  if (state.status === 'signed-out') {
    const here = pathname + search + hash;
    return <Redirect to={here === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`} />;
  }

  if (pathname === '/') return <Redirect to={HOME} />;

  return <Shell pathname={pathname}>{page(pathname)}</Shell>;
}

function Shell({ pathname, children }: { pathname: string; children: ReactNode }) {
  const { state, signOut } = useSession();
  const session = state.status === 'signed-in' ? state.session : null;
  const active = (to: string) =>
    pathname === to ||
    (to === '/inbox' && pathname.startsWith('/conversations/')) ||
    (to === '/settings' && pathname.startsWith('/settings/'))
      ? 'page'
      : undefined;
  const displayName = session?.user.name || session?.user.email || '';
  const initials = displayName
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <Logo size={28} />
          <div className="brand-text">
            <span className="brand-name">Plaudit</span>
            <span className="brand-org" title={session?.organization.name}>
              {session?.organization.name}
            </span>
          </div>
        </div>
        <nav className="nav" aria-label="Main">
          <ul>
            {navigation.map((item) => (
              <li key={item.to}>
                <Link to={item.to} className="nav-link" aria-current={active(item.to)}>
                  <Icon name={item.icon} size={17} />
                  <span>{item.label}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="account">
          <Link to="/profile" className="account-link" aria-label="Your profile" title="Your profile">
            <span className="avatar" aria-hidden="true">
              {initials}
            </span>
            <span className="account-text">
              <span className="account-name">{session?.user.name || 'Signed in'}</span>
              <span className="account-email">{session?.user.email}</span>
            </span>
            <span className="account-profile-icon" aria-hidden="true">
              <Icon name="user" size={17} />
            </span>
          </Link>
          <button
            type="button"
            className="icon-button"
            onClick={() => void signOut()}
            aria-label="Sign out"
            title="Sign out"
          >
            <Icon name="logOut" size={17} />
          </button>
        </div>
      </aside>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
