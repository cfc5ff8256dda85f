import { useEffect, useRef } from 'react';
import { Icon, type IconName } from './icons';
import { Link, useRouter } from '../lib/router';

const sections: Array<{ to: string; label: string; icon: IconName }> = [
  { to: '/settings', label: 'Ratings', icon: 'sliders' },
  { to: '/settings/questions', label: 'Questions', icon: 'comment' },
  { to: '/settings/texts', label: 'Texts', icon: 'globe' },
  { to: '/settings/team', label: 'Team', icon: 'users' },
  { to: '/settings/api-keys', label: 'API keys', icon: 'key' },
  { to: '/settings/webhooks', label: 'Webhooks', icon: 'webhook' },
  { to: '/settings/connections', label: 'Connections', icon: 'external' },
  { to: '/settings/audit-log', label: 'Audit log', icon: 'scroll' },
];

/** The settings' sections, as tabs under the page title. */
export function SettingsNav() {
  const { location } = useRouter();
  const nav = useRef<HTMLElement>(null);
  // On a phone the tabs scroll sideways: keep the current one in view.
  useEffect(() => {
    nav.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [location.pathname]);
  return (
    <nav className="subnav" aria-label="Settings" ref={nav}>
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
