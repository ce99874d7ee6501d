import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../shared/session.tsx';

/** The signed-in screens; anyone else goes to sign in and comes back where they were going. */
export function RequireSession() {
  const { tokens } = useSession();
  const location = useLocation();
  if (!tokens) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}

/** `/`: the inbox for someone signed in, the sign-in page for anyone else. */
export function Home() {
  const { tokens } = useSession();
  return <Navigate to={tokens ? '/inbox' : '/login'} replace />;
}
