import { Icon, type IconName } from './icons';
import { Link, useRouter } from '../lib/router';

const sections: Array<{ to: string; label: string; icon: IconName }> = [
  { to: '/settings', label: 'Ratings', icon: 'sliders' },
  { to: '/settings/team', label: 'Team', icon: 'users' },
  { to: '/settings/api-keys', label: 'API keys', icon: 'key' },
  { to: '/settings/webhooks', label: 'Webhooks', icon: 'webhook' },
  { to: '/settings/audit-log', label: 'Audit log', icon: 'scroll' },
];

/** The settings' sections, as tabs under the page title. */
export function SettingsNav() {
  const { location } = useRouter();
  return (
    <nav className="subnav" aria-label="Settings">
      <ul>
        {sections.map((section) => (
          <li key={section.to}>
            <Link
              to={section.to}
              className="subnav-link"
              aria-current={location.pathname === section.to ? 'page' : undefined}
            >
              <Icon name={section.icon} size={15} />
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
