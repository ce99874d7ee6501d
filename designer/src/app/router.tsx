import { createBrowserRouter } from 'react-router';
import { SignIn } from '../features/auth/SignIn.tsx';
import { Home, RequireSession } from './RequireSession.tsx';

/** Each screen family loads when first opened, so bpmn-js and the form renderer stay off the sign-in page. */
export const router = createBrowserRouter([
  // The first screen most people see: in the main chunk, so it shows without a round of chunk fetches.
  { path: '/login', Component: SignIn },
  { path: '/public/*', lazy: async () => ({ Component: (await import('../features/public-board/Board.tsx')).Board }) },
  // `/` decides without loading the signed-in frame, so the sign-in page is the first thing fetched.
  { index: true, element: <Home /> },
  {
    element: <RequireSession />,
    children: [
      {
        lazy: async () => ({ Component: (await import('./Shell.tsx')).Shell }),
        children: [
          { path: '/inbox', lazy: async () => ({ Component: (await import('../features/inbox/Inbox.tsx')).Inbox }) },
          { path: '/tasks/:id', lazy: async () => ({ Component: (await import('../features/task/TaskPage.tsx')).TaskPage }) },
          { path: '/start', lazy: async () => ({ Component: (await import('../features/start/StartList.tsx')).StartList }) },
          { path: '/start/:definitionId', lazy: async () => ({ Component: (await import('../features/start/StartForm.tsx')).StartForm }) },
          { path: '/mine', lazy: async () => ({ Component: (await import('../features/mine/Mine.tsx')).Mine }) },
          { path: '/instances/:id', lazy: async () => ({ Component: (await import('../features/mine/InstancePage.tsx')).InstancePage }) },
          { path: '/registers', lazy: async () => ({ Component: (await import('../features/registers/Registers.tsx')).Registers }) },
          {
            path: '/templates',
            lazy: async () => ({ Component: (await import('../features/templates/TemplateLibrary.tsx')).TemplateLibrary }),
          },
          {
            path: '/templates/pairing',
            lazy: async () => ({ Component: (await import('../features/templates/PairingPlan.tsx')).PairingPlan }),
          },
          {
            path: '/templates/:templateId/publish',
            lazy: async () => ({ Component: (await import('../features/templates/PublishPage.tsx')).PublishPage }),
          },
          {
            path: '/templates/publications/:id/adopt',
            lazy: async () => ({ Component: (await import('../features/templates/AdoptPage.tsx')).AdoptPage }),
          },
          {
            path: '/templates/adoptions/:id',
            lazy: async () => ({ Component: (await import('../features/templates/AdoptionPage.tsx')).AdoptionPage }),
          },
          { path: '/design', lazy: async () => ({ Component: (await import('../features/design/DesignList.tsx')).DesignList }) },
          { path: '/design/new', lazy: async () => ({ Component: (await import('../features/design/DesignEditor.tsx')).DesignEditor }) },
          {
            path: '/design/:definitionId',
            lazy: async () => ({ Component: (await import('../features/design/DesignEditor.tsx')).DesignEditor }),
          },
          { path: '/forms', lazy: async () => ({ Component: (await import('../features/forms/FormsList.tsx')).FormsList }) },
          { path: '/forms/new', lazy: async () => ({ Component: (await import('../features/forms/FormBuilder.tsx')).FormBuilder }) },
          { path: '/forms/:id', lazy: async () => ({ Component: (await import('../features/forms/FormBuilder.tsx')).FormBuilder }) },
          { path: '/dashboard', lazy: async () => ({ Component: (await import('../features/dashboard/Dashboard.tsx')).Dashboard }) },
          {
            path: '/design/:key/versions',
            lazy: async () => ({ Component: (await import('../features/design/Versions.tsx')).Versions }),
          },
          { path: '/admin/:tab?', lazy: async () => ({ Component: (await import('../features/admin/Admin.tsx')).Admin }) },
          {
            path: '/notifications',
            lazy: async () => ({ Component: (await import('../features/notifications/Notifications.tsx')).Notifications }),
          },
          { path: '*', lazy: async () => ({ Component: (await import('../shared/states.tsx')).NotFound }) },
        ],
      },
    ],
  },
]);
