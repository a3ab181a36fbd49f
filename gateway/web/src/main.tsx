import { Component, lazy, StrictMode, Suspense, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
// Declarative routing (BrowserRouter, Routes): the app uses no loaders or actions, and the data router they need would
// add some 50 kB to the main script.
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ApiError } from "./api";
import { useSession } from "./auth/useSession";
import { hasAnyRole } from "./roles";
import { journeys } from "./journeys";
import { Layout } from "./components/Layout";
// The main script holds only what the outreach worker's first screen and the sign-in need (issue 14: the contact form
// on a phone with a poor signal). Every other screen is a chunk of its own, fetched when it is opened; the service
// worker precaches them all but the map and the charts, so they still open without a connection once installed.
import { SignIn } from "./pages/SignIn";
import { Home } from "./pages/Home";
import { Unavailable } from "./pages/Unavailable";
import { Outreach } from "./pages/Outreach";
import "./styles.css";
import { registerAppShell } from "./pwa";
import { captureStreetShell } from "./shell";

const OidcCallback = lazy(() => import("./pages/OidcCallback").then((m) => ({ default: m.OidcCallback })));
const Status = lazy(() => import("./pages/Status").then((m) => ({ default: m.Status })));
const FindYoungPeople = lazy(() => import("./pages/FindYoungPeople").then((m) => ({ default: m.FindYoungPeople })));
const YoungPersonRecord = lazy(() => import("./pages/YoungPersonRecord").then((m) => ({ default: m.YoungPersonRecord })));
// The leaving-care screens, one chunk: the adviser's list, an alert with its pack, a record, the advisers' providers.
const leavingCare = () => import("./pages/LeavingCare");
const LeavingCare = lazy(() => leavingCare().then((m) => ({ default: m.LeavingCare })));
const LeavingCareAlert = lazy(() => leavingCare().then((m) => ({ default: m.LeavingCareAlert })));
const LeavingCareYoungPerson = lazy(() => leavingCare().then((m) => ({ default: m.LeavingCareYoungPerson })));
const PersonalAdvisers = lazy(() => leavingCare().then((m) => ({ default: m.PersonalAdvisers })));
// The duty inbox and a conversation, one chunk.
const supportLine = () => import("./pages/SupportLine");
const DutyInbox = lazy(() => supportLine().then((m) => ({ default: m.DutyInbox })));
const Conversation = lazy(() => supportLine().then((m) => ({ default: m.Conversation })));
// REF-26: the senior manager's queue of matching assessments waiting for a decision.
const disclosure = () => import("./pages/Disclosure");
const SubjectAccessQueue = lazy(() => disclosure().then((m) => ({ default: m.SubjectAccessQueue })));
const DisclosurePackPage = lazy(() => disclosure().then((m) => ({ default: m.DisclosurePackPage })));
const CriticalIncidentQueue = lazy(() => import("./pages/CriticalIncidents").then((m) => ({ default: m.CriticalIncidentQueue })));
const MatchingAssessmentQueue = lazy(() => import("./pages/MatchingAssessments").then((m) => ({ default: m.MatchingAssessmentQueue })));
// Maps and charts are loaded only when their screen is opened: the outreach worker's phone never downloads them.
const Hotspots = lazy(() => import("./pages/Hotspots").then((m) => ({ default: m.Hotspots })));
const MyPlaces = lazy(() => import("./pages/Hotspots").then((m) => ({ default: m.MyPlaces })));
const Reports = lazy(() => import("./pages/Reports").then((m) => ({ default: m.Reports })));
// Only carers open it.
const PlacedWithMe = lazy(() => import("./pages/PlacedWithMe").then((m) => ({ default: m.PlacedWithMe })));
// Only a young person or adult survivor signed in to their own record opens it (REC-10).
const MyRecord = lazy(() => import("./pages/MyRecord").then((m) => ({ default: m.MyRecord })));
// Only managers open the dashboard (with its assessment panels).
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

/** A screen's chunk that cannot be fetched (no connection, a newer deployment) is said plainly, not a blank page. */
class ScreenFailed extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    return this.state.error
      ? <p role="alert">This screen could not be loaded ({this.state.error.message}). Check the connection and reload the page.</p>
      : this.props.children;
  }
}

function Loading({ children }: { children: ReactNode }) {
  return <ScreenFailed><Suspense fallback={<p>Loading…</p>}>{children}</Suspense></ScreenFailed>;
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

/** A route offered to the roles of the journey at `journey` (see RequireRole), its screen loaded on demand. */
function gated(journey: string, screen: ReactNode) {
  return <RequireRole path={journey}><Loading>{screen}</Loading></RequireRole>;
}

const routes = (
  <Routes>
    <Route element={<Layout />}>
      <Route path="/signin" element={<SignIn />} />
      <Route path="/signin/callback" element={<Loading><OidcCallback /></Loading>} />
      <Route path="/status" element={<Loading><Status /></Loading>} />
      <Route path="/" element={<RequireSignIn><Home /></RequireSignIn>} />
      <Route path="/outreach" element={<RequireRole path="/outreach"><Outreach /></RequireRole>} />
      <Route path="/matching-assessments" element={gated("/matching-assessments", <MatchingAssessmentQueue />)} />
      <Route path="/critical-incidents" element={gated("/critical-incidents", <CriticalIncidentQueue />)} />
      <Route path="/subject-access" element={gated("/subject-access", <SubjectAccessQueue />)} />
      <Route path="/disclosure-packs/:packId" element={gated("/subject-access", <DisclosurePackPage />)} />
      <Route path="/dashboard" element={gated("/dashboard", <Dashboard />)} />
      <Route path="/placed-with-me" element={gated("/placed-with-me", <PlacedWithMe />)} />
      <Route path="/my-record" element={gated("/my-record", <MyRecord />)} />
      <Route path="/my-record/requests/:requestId" element={gated("/my-record", <MyRecord />)} />
      <Route path="/young-people" element={gated("/young-people", <FindYoungPeople />)} />
      <Route path="/young-people/:id" element={gated("/young-people", <YoungPersonRecord />)} />
      <Route path="/assessments/:id" element={gated("/young-people", <AssessmentPage />)} />
      <Route path="/asked-to-contribute" element={gated("/asked-to-contribute", <AskedToContribute />)} />
      <Route path="/need-tasks" element={gated("/need-tasks", <NeedTasks />)} />
      <Route path="/cross-references" element={gated("/cross-references", <CrossReferencesForMe />)} />
      <Route path="/staff" element={gated("/staff", <StaffPage />)} />
      <Route path="/leaving-care" element={gated("/leaving-care", <LeavingCare />)} />
      <Route path="/leaving-care/advisers" element={gated("/leaving-care", <PersonalAdvisers />)} />
      <Route path="/leaving-care/alerts/:id" element={gated("/leaving-care", <LeavingCareAlert />)} />
      <Route path="/leaving-care/young-people/:id" element={gated("/leaving-care", <LeavingCareYoungPerson />)} />
      <Route path="/support-line" element={gated("/support-line", <DutyInbox />)} />
      <Route path="/support-line/conversations/:id" element={gated("/support-line", <Conversation />)} />
      <Route path="/hotspots" element={gated("/hotspots", <Hotspots />)} />
      <Route path="/my-places" element={gated("/my-places", <MyPlaces />)} />
      <Route path="/reports" element={gated("/reports", <Reports />)} />
      <Route path="*" element={<p role="alert">There is no such page.</p>} />
    </Route>
  </Routes>
);

// Before React draws over it: what the worker typed on the street screen outreach.html drew while this script loaded.
captureStreetShell();
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>{routes}</BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);

registerAppShell();
