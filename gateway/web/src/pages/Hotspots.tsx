import { useEffect, useMemo, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { api, query } from "../api";
import { ProblemSummary } from "../components/Problem";
import { When } from "../components/When";
import type { Instant } from "../time";

/** A count from a report: a number, or "c" where the shared small-number rule suppressed it. */
export type ReportCount = number | "c";
type Measures = { contacts: ReportCount; concerns: ReportCount; youngPeople: ReportCount };
type LocationRow = {
  locationId: string; name: string; type: string; area: string | null; latitude: number | null; longitude: number | null;
  total: Measures;
};
export type HotspotReport = {
  from: string; to: string; disclosure: "Suppressed" | "Exact"; suppressionThreshold: number; generatedAt: Instant;
  months: string[]; locations: LocationRow[]; monthTotals: ({ month: string } & Measures)[]; total: Measures;
};
type MapTiles = { url: string; attribution: string } | null;

/** Where a count is suppressed the marker has one small size: its size must not hint at the hidden number. */
function radius(count: ReportCount): number {
  return count === "c" ? 7 : 7 + Math.sqrt(count) * 4;
}

/**
 * The hotspot map (OUT-08) over Outreach's report: places and their counts, never a child. Leaflet draws the markers
 * on a blank layer unless the gateway is configured with a tile server (`Web:MapTiles:Url`): no remote tiles are
 * assumed, and the Content-Security-Policy admits only that configured origin. The same figures are in the table
 * beside the map, which is what a screen reader or keyboard user reads.
 */
export function Hotspots() {
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [draft, setDraft] = useState<{ from: string; to: string }>({ from: "", to: "" });
  const report = useQuery({
    queryKey: ["hotspots", range],
    queryFn: () => api.get<HotspotReport>(`/api/outreach/reports/hotspots${query(range)}`),
  });
  const config = useQuery({ queryKey: ["auth-config"], queryFn: () => api.get<{ mapTiles?: MapTiles }>("/auth/config") });
  // Memoised: the map is rebuilt only when the report changes, not on every keystroke in the month fields.
  const mapped = useMemo(() => report.data?.locations.filter((l) => l.latitude != null && l.longitude != null) ?? [], [report.data]);
  const markersOf = (rows: LocationRow[]) => rows.map((l) => ({ id: l.locationId, name: l.name, latitude: l.latitude!, longitude: l.longitude!, count: l.total.contacts }));
  const unmapped = report.data?.locations.filter((l) => l.latitude == null || l.longitude == null) ?? [];

  return (
    <section aria-labelledby="hotspots-title">
      <h1 id="hotspots-title">Hotspots</h1>
      <p className="hint">
        Where outreach contacts happened, per place, as counts only. Counts from 1 to {report.data?.suppressionThreshold ?? 5} are
        shown as <strong>c</strong> (suppressed) so that no young person can be recognised.
      </p>
      <form className="inline-form" onSubmit={(e) => { e.preventDefault(); setRange({ from: draft.from || undefined, to: draft.to || undefined }); }}>
        <div className="field">
          <label htmlFor="hotspots-from">From month</label>
          <input id="hotspots-from" type="month" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="hotspots-to">To month</label>
          <input id="hotspots-to" type="month" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <button type="submit">Show</button>
      </form>
      {report.error ? <ProblemSummary error={report.error} fields={["from", "to"]} /> : null}
      {report.isPending && <p>Loading the report…</p>}
      {report.data && (
        <>
          <p>
            {report.data.from} to {report.data.to} · {report.data.disclosure === "Exact" ? "exact counts (auditor)" : "suppressed counts"} ·
            generated <When value={report.data.generatedAt} />
          </p>
          <div className="map-and-table">
            <figure className="map-figure">
              <PlaceMap places={markersOf(mapped)} tiles={config.data?.mapTiles ?? null} />
              <figcaption>
                {mapped.length} places on the map; a larger circle is more contacts, a small ringed circle is a suppressed count (c).
              </figcaption>
            </figure>
            {/* A wide table scrolls inside its own focusable box, so the page never scrolls sideways on a phone. */}
            <div className="table-scroll" tabIndex={0} role="region" aria-label="Figures per place">
            <table data-testid="hotspot-table">
              <caption>Contacts, concerns and young people per place, {report.data.from} to {report.data.to}</caption>
              <thead>
                <tr><th scope="col">Place</th><th scope="col">Area</th><th scope="col">Contacts</th><th scope="col">Concerns</th><th scope="col">Young people</th></tr>
              </thead>
              <tbody>
                {report.data.locations.map((l) => (
                  <tr key={l.locationId}>
                    <th scope="row">{l.name}{l.latitude == null ? " (not on the map)" : ""}</th>
                    <td>{l.area ?? "—"}</td>
                    <td>{l.total.contacts}</td>
                    <td>{l.total.concerns}</td>
                    <td>{l.total.youngPeople}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr><th scope="row">All places</th><td></td><td>{report.data.total.contacts}</td><td>{report.data.total.concerns}</td><td>{report.data.total.youngPeople}</td></tr>
              </tfoot>
            </table>
            </div>
          </div>
          {unmapped.length > 0 && <p className="hint">{unmapped.length} places have no coordinates and are in the table only.</p>}
        </>
      )}
    </section>
  );
}

/** One place on a map: its position and the count its circle stands for ("c" where suppressed). */
type PlaceMarker = { id: string; name: string; latitude: number; longitude: number; count: ReportCount };

function PlaceMap({ places, tiles }: { places: PlaceMarker[]; tiles: MapTiles }) {
  const element = useRef<HTMLDivElement>(null);
  const figures = JSON.stringify(places); // redrawn when the places change, not on every render
  useEffect(() => {
    if (!element.current) return;
    const map = L.map(element.current, { attributionControl: Boolean(tiles), zoomSnap: 0.25 });
    if (tiles) {
      L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19 }).addTo(map);
    }
    L.control.scale({ imperial: false }).addTo(map);
    const markers = places.map((p) => {
      const suppressed = p.count === "c";
      const marker = L.circleMarker([p.latitude, p.longitude], {
        radius: radius(p.count),
        color: "#1b1b1b", weight: suppressed ? 3 : 1,
        fillColor: suppressed ? "#ffffff" : "#b10e1e", fillOpacity: suppressed ? 0.9 : 0.6,
        className: "hotspot-marker",
      });
      // Text nodes, never HTML: a place's name is typed by a worker.
      const label = document.createElement("span");
      label.textContent = `${p.name}: ${p.count} contacts`;
      marker.bindTooltip(label, { permanent: true, direction: "right", className: "hotspot-label" });
      return marker.addTo(map);
    });
    if (markers.length > 0) {
      map.fitBounds(L.featureGroup(markers).getBounds().pad(0.25), { maxZoom: 15 });
    } else {
      map.setView([53.43, -1.35], 12); // Rotherham, until a place has coordinates
    }
    return () => { map.remove(); };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `figures` stands for `places`
  }, [figures, tiles]);
  return <div ref={element} className="map" data-testid="hotspot-map" aria-label="Map of the places in the table" role="region" />;
}

type MyPlace = {
  locationId: string; name: string; type: string; area: string | null; latitude: number | null; longitude: number | null;
  contacts: number; concerns: number; youngPeople: number; lastContact: Instant;
};

/**
 * The outreach worker's own map (issue 14, journey 1; OUT-08): the places where they logged contacts in the last 12
 * months, exact because they are the worker's own records. The all-workers hotspot map stays with managers and police
 * liaison, whose report suppresses small numbers.
 */
export function MyPlaces() {
  const places = useQuery({ queryKey: ["my-places"], queryFn: () => api.get<{ from: string; to: string; places: MyPlace[] }>("/api/outreach/my/places") });
  const config = useQuery({ queryKey: ["auth-config"], queryFn: () => api.get<{ mapTiles?: MapTiles }>("/auth/config") });
  const mapped = useMemo(() => (places.data?.places ?? []).filter((p) => p.latitude != null && p.longitude != null)
    .map((p) => ({ id: p.locationId, name: p.name, latitude: p.latitude!, longitude: p.longitude!, count: p.contacts })), [places.data]);
  return (
    <section aria-labelledby="my-places-title">
      <h1 id="my-places-title">My places</h1>
      <p className="hint">Where you logged contacts in the last 12 months. Only your own contacts; a typed place without a location record is not on the map.</p>
      {places.error ? <ProblemSummary error={places.error} /> : null}
      {places.isPending && <p>Loading your places…</p>}
      {places.data && (
        places.data.places.length === 0 ? <p>You have not logged a contact at a recorded place in this period.</p> : (
          <div className="map-and-table">
            <figure className="map-figure">
              <PlaceMap places={mapped} tiles={config.data?.mapTiles ?? null} />
              <figcaption>{mapped.length} of your places on the map; a larger circle is more contacts.</figcaption>
            </figure>
            <div className="table-scroll" tabIndex={0} role="region" aria-label="Your contacts per place">
              <table data-testid="my-places-table">
                <caption>Your contacts per place, {places.data.from} to {places.data.to}</caption>
                <thead>
                  <tr><th scope="col">Place</th><th scope="col">Contacts</th><th scope="col">Concerns</th><th scope="col">Young people</th><th scope="col">Last contact</th></tr>
                </thead>
                <tbody>
                  {places.data.places.map((p) => (
                    <tr key={p.locationId}>
                      <th scope="row">{p.name}{p.latitude == null ? " (not on the map)" : ""}</th>
                      <td>{p.contacts}</td><td>{p.concerns}</td><td>{p.youngPeople}</td><td><When value={p.lastContact} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )
      )}
    </section>
  );
}
