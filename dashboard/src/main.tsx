import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { RouterProvider } from './lib/router';
import { SessionProvider } from './session';
import './styles.css';
import './styles-settings.css';
import './styles-team.css';
import './styles-analytics.css';
import './styles-questions.css';
import './styles-question-editor.css';
import './styles-invite-message.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider>
      <SessionProvider>
        <App />
      </SessionProvider>
    </RouterProvider>
  </StrictMode>,
);
