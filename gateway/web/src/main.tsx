import { lazy, StrictMode, Suspense, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, Navigate, RouterProvider } from "react-router";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ApiError } from "./api";
import { useSession } from "./auth/useSession";
import { hasAnyRole } from "./roles";
import { journeys } from "./journeys";
import { Layout } from "./components/Layout";
import { SignIn } from "./pages/SignIn";
import { OidcCallback } from "./pages/OidcCallback";
import { Home } from "./pages/Home";
import { Status } from "./pages/Status";
import { Unavailable } from "./pages/Unavailable";
import { FindYoungPeople } from "./pages/FindYoungPeople";
import { YoungPersonRecord } from "./pages/YoungPersonRecord";
import { LeavingCare, LeavingCareAlert, LeavingCareYoungPerson } from "./pages/LeavingCare";
import { Outreach } from "./pages/Outreach";
import { Conversation, DutyInbox } from "./pages/SupportLine";
import "./styles.css";
import { registerAppShell } from "./pwa";

// Maps and charts are loaded only when their screen is opened: the outreach worker's phone never downloads them.
const Hotspots = lazy(() => import("./pages/Hotspots").then((m) => ({ default: m.Hotspots })));
const MyPlaces = lazy(() => import("./pages/Hotspots").then((m) => ({ default: m.MyPlaces })));
const Reports = lazy(() => import("./pages/Reports").then((m) => ({ default: m.Reports })));
// Only carers open it; kept out of the main bundle everyone downloads (still precached for the app shell).
const PlacedWithMe = lazy(() => import("./pages/PlacedWithMe").then((m) => ({ default: m.PlacedWithMe })));
// Only managers open the dashboard (with its assessment panels): kept out of the main bundle everyone downloads.
const Dashboard = lazy(() => import("./pages/Dashboard").then((m) => ({ default: m.Dashboard })));
// The assessment screens (REF-17), one chunk.
const assessments = () => import("./pages/Assessments");
const AssessmentPage = lazy(() => assessments().then((m) => ({ default: m.AssessmentPage })));
const AskedToContribute = lazy(() => assessments().then((m) => ({ default: m.AskedToContribute })));
const NeedTasks = lazy(() => assessments().then((m) => ({ default: m.NeedTasks })));
// REF-19: what other records say about the young people a key worker holds.
const CrossReferencesForMe = lazy(() => import("./pages/CrossReferences").then((m) => ({ default: m.CrossReferencesForMe })));
// The managers' staff directory (COM-10).
const StaffPage = lazy(() => import("./pages/Staff").then((m) => ({ default: m.StaffPage })));

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p>Loading…</p>}>{children}</Suspense>;
}

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A refusal (4xx) will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

/** Offers a route only to the roles its journey is for; the APIs enforce the same and answer 403 regardless. */
function RequireRole({ path, children }: { path: string; children: ReactNode }) {
  const session = useSession();
  const journey = journeys.find((j) => j.path === path)!;
  if (!session) return <Navigate to="/signin" replace />;
  if (!hasAnyRole(session.roles, journey.roles)) {
    return <p role="alert">This screen is not available to your role.</p>;
  }
  return journey.ready ? children : <Unavailable journey={journey} />;
}

function RequireSignIn({ children }: { children: ReactNode }) {
  return useSession() ? children : <Navigate to="/signin" replace />;
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: "/signin", element: <SignIn /> },
      { path: "/signin/callback", element: <OidcCallback /> },
      { path: "/status", element: <Status /> },
      { path: "/", element: <RequireSignIn><Home /></RequireSignIn> },
      { path: "/dashboard", element: <RequireRole path="/dashboard"><Loading><Dashboard /></Loading></RequireRole> },
      { path: "/placed-with-me", element: <RequireRole path="/placed-with-me"><Loading><PlacedWithMe /></Loading></RequireRole> },
      { path: "/young-people", element: <RequireRole path="/young-people"><FindYoungPeople /></RequireRole> },
      { path: "/young-people/:id", element: <RequireRole path="/young-people"><YoungPersonRecord /></RequireRole> },
      { path: "/assessments/:id", element: <RequireRole path="/young-people"><Loading><AssessmentPage /></Loading></RequireRole> },
      { path: "/asked-to-contribute", element: <RequireRole path="/asked-to-contribute"><Loading><AskedToContribute /></Loading></RequireRole> },
      { path: "/need-tasks", element: <RequireRole path="/need-tasks"><Loading><NeedTasks /></Loading></RequireRole> },
      { path: "/cross-references", element: <RequireRole path="/cross-references"><Loading><CrossReferencesForMe /></Loading></RequireRole> },
      { path: "/staff", element: <RequireRole path="/staff"><Loading><StaffPage /></Loading></RequireRole> },
      { path: "/leaving-care", element: <RequireRole path="/leaving-care"><LeavingCare /></RequireRole> },
      { path: "/leaving-care/alerts/:id", element: <RequireRole path="/leaving-care"><LeavingCareAlert /></RequireRole> },
      { path: "/leaving-care/young-people/:id", element: <RequireRole path="/leaving-care"><LeavingCareYoungPerson /></RequireRole> },
      { path: "/outreach", element: <RequireRole path="/outreach"><Outreach /></RequireRole> },
      { path: "/support-line", element: <RequireRole path="/support-line"><DutyInbox /></RequireRole> },
      { path: "/support-line/conversations/:id", element: <RequireRole path="/support-line"><Conversation /></RequireRole> },
      { path: "/hotspots", element: <RequireRole path="/hotspots"><Loading><Hotspots /></Loading></RequireRole> },
      { path: "/my-places", element: <RequireRole path="/my-places"><Loading><MyPlaces /></Loading></RequireRole> },
      { path: "/reports", element: <RequireRole path="/reports"><Loading><Reports /></Loading></RequireRole> },
      { path: "*", element: <p role="alert">There is no such page.</p> },
    ],
  },
]);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);

registerAppShell();
