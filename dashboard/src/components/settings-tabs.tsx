import { Link } from '../lib/router';

const tabs = [
  { to: '/settings', label: 'Rating settings' },
  { to: '/settings/team', label: 'Team' },
];

/** The sections of Settings, as tabs under the page title. */
export function SettingsTabs({ current }: { current: string }) {
  return (
    <nav className="tabs" aria-label="Settings sections">
      {tabs.map((tab) => (
        <Link key={tab.to} to={tab.to} className="tab" aria-current={tab.to === current ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
