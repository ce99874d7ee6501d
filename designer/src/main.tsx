import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';

// Someone not signed in sees the sign-in page first: fetch it while the app starts.
if (!localStorage.getItem('shanzhi.session')) void import('./features/auth/SignIn.tsx');

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
