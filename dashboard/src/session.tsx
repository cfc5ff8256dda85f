import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, request, setCsrfToken, setSignedOutHandler } from './api/client';
import type { Session } from './api/types';
import { setDisplayTimeZone } from './lib/format';
import { forgetAgentDirectory } from './lib/agents';

type SessionState =
  { status: 'loading' } | { status: 'signed-out'; expired?: boolean } | { status: 'signed-in'; session: Session };

interface SessionApi {
  state: SessionState;
  signIn(email: string, password: string): Promise<void>;
  /** Accepts an invitation by the token of its link: creates the user and signs them in. */
  acceptInvitation(token: string, name: string, password: string): Promise<void>;
  /** The signed-in user's name changed (their profile). */
  renamed(name: string): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

function adopt(session: Session): void {
  setCsrfToken(session.csrf_token);
  setDisplayTimeZone(session.organization.timezone);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    request<{ data: Session }>('/auth/session')
      .then(({ data }) => {
        if (cancelled) return;
        adopt(data);
        setState({ status: 'signed-in', session: data });
      })
      .catch(() => {
        if (!cancelled) setState({ status: 'signed-out' });
      });
    setSignedOutHandler(() => {
      setCsrfToken(null);
      setState({ status: 'signed-out', expired: true });
    });
    return () => {
      cancelled = true;
      setSignedOutHandler(null);
    };
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const { data } = await request<{ data: Session }>('/auth/sign-in', {
      method: 'POST',
      body: { email, password },
    });
    adopt(data);
    // Another user may be of another organization: nothing read for the last one may show.
    forgetAgentDirectory();
    setState({ status: 'signed-in', session: data });
  }, []);

  const acceptInvitation = useCallback(async (token: string, name: string, password: string) => {
    const { data } = await request<{ data: Session }>(`/v1/invitations/${encodeURIComponent(token)}/accept`, {
      method: 'POST',
      body: { name, password },
    });
    adopt(data);
    setState({ status: 'signed-in', session: data });
  }, []);

  const renamed = useCallback((name: string) => {
    setState((current) =>
      current.status === 'signed-in'
        ? { status: 'signed-in', session: { ...current.session, user: { ...current.session.user, name } } }
        : current,
    );
  }, []);

  const signOut = useCallback(async () => {
    try {
      await request('/auth/sign-out', { method: 'POST' });
    } catch (error) {
      // Signed out already (401) is as good as signed out now.
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
    }
    setCsrfToken(null);
    forgetAgentDirectory();
    setState({ status: 'signed-out' });
  }, []);

  const api = useMemo(
    () => ({ state, signIn, acceptInvitation, renamed, signOut }),
    [state, signIn, acceptInvitation, renamed, signOut],
  );
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionProvider');
  return api;
}

/** The signed-in session; only pages behind the sign-in use it. */
export function useSignedIn(): Session {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useSignedIn while signed out');
  return state.session;
}
