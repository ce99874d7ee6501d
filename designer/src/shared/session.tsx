import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, ok, onUnauthorized, setApiToken } from './api.ts';

type Me = Awaited<ReturnType<typeof fetchMe>>;

interface Tokens {
  readonly token: string;
  readonly refreshToken?: string;
  /** Epoch ms when the access token runs out. */
  readonly expiresAt: number;
}

interface Session {
  readonly tokens?: Tokens;
  readonly me?: Me;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const STORAGE_KEY = 'shanzhi.session';
/** Refresh this long before the access token runs out, so no request carries a dead one. */
const REFRESH_AHEAD_MS = 60_000;

function stored(): Tokens | undefined {
  try {
    const tokens = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Tokens | null;
    return tokens && tokens.expiresAt > Date.now() ? tokens : undefined;
  } catch {
    return undefined;
  }
}

function keep(tokens: Tokens | undefined): void {
  if (tokens) localStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
  else localStorage.removeItem(STORAGE_KEY);
  setApiToken(tokens?.token);
}

function tokensFrom(answer: { token: string; refreshToken?: string; expiresIn: number }): Tokens {
  return {
    token: answer.token,
    expiresAt: Date.now() + answer.expiresIn * 1000,
    ...(answer.refreshToken ? { refreshToken: answer.refreshToken } : {}),
  };
}

async function fetchMe() {
  return ok(api.GET('/api/auth/me'));
}

const SessionContext = createContext<Session | undefined>(undefined);

/** Who is signed in: tokens kept in this browser, refreshed ahead of expiry, dropped on a 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const [tokens, setTokens] = useState<Tokens | undefined>(() => {
    const t = stored();
    setApiToken(t?.token);
    return t;
  });
  const use = useCallback(
    (next: Tokens | undefined) => {
      keep(next);
      setTokens(next);
      if (!next) queries.clear();
    },
    [queries],
  );

  useEffect(() => onUnauthorized(() => use(undefined)), [use]);

  useEffect(() => {
    if (!tokens?.refreshToken) return;
    const refreshToken = tokens.refreshToken;
    const timer = setTimeout(
      async () => {
        try {
          use(tokensFrom(await ok(api.POST('/api/auth/refresh', { body: { refreshToken } }))));
        } catch {
          use(undefined);
        }
      },
      Math.max(0, tokens.expiresAt - Date.now() - REFRESH_AHEAD_MS),
    );
    return () => clearTimeout(timer);
  }, [tokens, use]);

  const me = useQuery({ queryKey: ['/api/auth/me', tokens?.token], queryFn: fetchMe, enabled: tokens !== undefined, staleTime: 60_000 });

  const value = useMemo<Session>(
    () => ({
      ...(tokens ? { tokens } : {}),
      ...(me.data ? { me: me.data } : {}),
      async signIn(username, password) {
        use(tokensFrom(await ok(api.POST('/api/auth/login', { body: { username, password } }))));
      },
      async signOut() {
        const refreshToken = tokens?.refreshToken;
        await api.POST('/api/auth/logout', { body: refreshToken ? { refreshToken } : {} }).catch(() => undefined);
        use(undefined);
      },
    }),
    [tokens, me.data, use],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
