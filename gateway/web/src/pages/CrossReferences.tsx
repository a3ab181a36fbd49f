import { useState, type ReactNode } from "react";
import { Link } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, query } from "../api";
import { Field } from "../components/Field";
import { PersonName } from "../components/PersonName";
import { SourceReference, sourceKinds } from "../components/SourcePicker";
import { ProblemSummary } from "../components/Problem";
import { When } from "../components/When";
import { formatDate, type LondonTime } from "../time";

// Cross-references between young people's records (issue 14 for REF-19; services/Referrals/Features/CrossReferences).
// What is written on one child's record about another reaches the other's record and their key worker, who is told
// until they acknowledge it. Someone who may not read the source record sees that information exists and where, never
// what it says. Loaded on demand.

/** CrossReferenceResponse.cs */
type CrossReference = {
  id: string; youngPersonId: string; sourceYoungPersonId: string; sourceKind: string; sourceReference: string | null; summary: string | null;
  restricted: boolean; keyWorkers: string[]; acknowledgedBy: string[]; recordedAt: LondonTime; recordedBy: string;
};
/** AdultTagResponse.cs */
type AdultTag = {
  id: string; youngPersonId: string; name: string; sourceKind: string; sourceReference: string | null; summary: string; recordedAt: LondonTime;
  recordedBy: string; otherYoungPeople: string[];
};
/** FindYoungPeople.cs Match */
type Match = { id: string; displayName: string; dateOfBirth: string; localArea: string };

const kindLabel = (kind: string) => (sourceKinds[kind] ?? kind).toLowerCase();
const where = (r: CrossReference) => kindLabel(r.sourceKind);

// ---------------------------------------------------------------------------------------------------------------
// On the record.

export function CrossReferencesSection({ id }: { id: string }) {
  const references = useQuery({
    queryKey: ["cross-references", id],
    queryFn: () => api.get<CrossReference[]>(`/api/referrals/young-people/${id}/cross-references`),
  });
  return (
    <section aria-labelledby="cross-references-title" data-testid="cross-references">
      <h2 id="cross-references-title">Cross-references</h2>
      <h3>About them, on other records</h3>
      {references.isPending && <p role="status">Loading the cross-references…</p>}
      {references.error && <ProblemSummary error={references.error} />}
      {references.data?.length === 0 && <p>No other young person's record mentions them.</p>}
      <ul className="cards">
        {references.data?.map((r) => (
          <li key={r.id} className="card" data-testid="cross-reference">
            {r.restricted ? (
              <p><strong>Restricted.</strong> Another young person's record, which you may not read, holds information about them in {where(r)}.</p>
            ) : (
              <>
                <p>On <Link to={`/young-people/${r.sourceYoungPersonId}`}><PersonName id={r.sourceYoungPersonId} /></Link>'s record, in {where(r)}:</p>
                <blockquote>{r.summary}</blockquote>
              </>
            )}
            <p className="signed">
              Recorded by {r.recordedBy} <When value={r.recordedAt} />
              {" · "}{r.keyWorkers.length === 0 ? "no key worker to tell" : `key worker${r.keyWorkers.length === 1 ? "" : "s"} told: ${r.keyWorkers.join(", ")}`}
              {r.acknowledgedBy.length > 0 && <> · acknowledged by {r.acknowledgedBy.join(", ")}</>}
            </p>
          </li>
        ))}
      </ul>
      <TagAnother id={id} />
    </section>
  );
}

function TagAnother({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [searched, setSearched] = useState<string | null>(null);
  const [tagged, setTagged] = useState("");
  const [kind, setKind] = useState("");
  const [reference, setReference] = useState("");
  const [summary, setSummary] = useState("");
  const [done, setDone] = useState<ReactNode>(null);
  const search = useQuery({
    queryKey: ["young-people-search", { name: searched }],
    queryFn: () => api.get<Match[]>(`/api/referrals/young-people${query({ name: searched })}`),
    enabled: searched !== null,
    retry: false,
  });
  const candidates = search.data?.filter((m) => m.id !== id) ?? [];
  const tag = useMutation({
    mutationFn: () => api.post<CrossReference>(`/api/referrals/young-people/${id}/cross-references`, {
      taggedYoungPersonId: tagged || null, sourceKind: kind || null, sourceReference: reference.trim() || null, summary,
    }),
    onSuccess: async (r) => {
      const who = candidates.find((m) => m.id === r.youngPersonId)?.displayName ?? "The young person";
      setDone(<>{who} is tagged{r.keyWorkers.length > 0 ? `; their key worker${r.keyWorkers.length === 1 ? "" : "s"} (${r.keyWorkers.join(", ")}) will be told` : "; they have no key worker to tell"}.</>);
      setTagged(""); setKind(""); setReference(""); setSummary(""); setName(""); setSearched(null);
      await queryClient.invalidateQueries({ queryKey: ["cross-references", r.youngPersonId] });
    },
  });
  const find = () => { setTagged(""); setSearched(name.trim()); };
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); setDone(null); tag.mutate(); }} noValidate aria-label="Tag another young person">
      <h3>Tag another young person this record mentions</h3>
      <p className="hint">Their record gets an entry pointing here, and their key worker is told.</p>
      <Field id="xref-find" field="name" label="Find them by name" error={search.error}>
        {(p) => (
          <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off"
            onKeyDown={(e) => { if (e.key === "Enter") { e.preventDefault(); find(); } }} />
        )}
      </Field>
      <button type="button" className="small" onClick={find}>Find</button>
      {search.isFetching && <p role="status">Searching…</p>}
      {search.data && candidates.length === 0 && <p>Nobody else registered matches that name.</p>}
      <Field id="xref-tagged" field="taggedYoungPersonId" label="Young person to tag" error={tag.error}>
        {(p) => (
          <select {...p} value={tagged} onChange={(e) => setTagged(e.target.value)}>
            <option value="">{candidates.length > 0 ? "Choose…" : "Find them by name first"}</option>
            {candidates.map((m) => (
              <option key={m.id} value={m.id}>{m.displayName}, born {formatDate(m.dateOfBirth)}, {m.localArea}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="xref-kind" field="sourceKind" label="Where on this record it is" error={tag.error}>
        {(p) => (
          <select {...p} value={kind} onChange={(e) => { setKind(e.target.value); setReference(""); }}>
            <option value="">Choose…</option>
            {Object.entries(sourceKinds).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        )}
      </Field>
      <SourceReference id="xref-reference" youngPersonId={id} kind={kind} value={reference} onChange={setReference} error={tag.error} />
      <Field id="xref-summary" field="summary" label="What it says about them" error={tag.error}>
        {(p) => <textarea {...p} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />}
      </Field>
      <button type="submit" disabled={tag.isPending}>Tag them</button>
      <ProblemSummary error={tag.error} fields={["taggedYoungPersonId", "sourceKind", "sourceReference", "summary"]} />
      {done && <p role="status">{done}</p>}
    </form>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Adults named on the record (REF-19, REF-13): each joins the persons-of-concern register, so the worker sees at once
// which other young people's records name the same adult.

export function AdultTagsSection({ id }: { id: string }) {
  const tags = useQuery({
    queryKey: ["adult-tags", id],
    queryFn: () => api.get<AdultTag[]>(`/api/referrals/young-people/${id}/adult-tags`),
  });
  return (
    <section aria-labelledby="adult-tags-title" data-testid="adult-tags">
      <h2 id="adult-tags-title">Adults named on the record</h2>
      {tags.isPending && <p role="status">Loading the adults named…</p>}
      {tags.error && <ProblemSummary error={tags.error} />}
      {tags.data?.length === 0 && <p>No adult is named on this record yet.</p>}
      <ul className="cards">
        {tags.data?.map((t) => (
          <li key={t.id} className="card" data-testid="adult-tag">
            <p><strong>{t.name}</strong>, named in {kindLabel(t.sourceKind)}:</p>
            <blockquote>{t.summary}</blockquote>
            {t.otherYoungPeople.length > 0 ? (
              <p className="flag" data-testid="also-named-on">
                Also linked to {t.otherYoungPeople.length === 1 ? "another young person" : `${t.otherYoungPeople.length} other young people`}:{" "}
                {t.otherYoungPeople.map((other, i) => (
                  <span key={other}>{i > 0 && ", "}<Link to={`/young-people/${other}`}><PersonName id={other} /></Link></span>
                ))}
              </p>
            ) : <p>No other young person is linked to them.</p>}
            <p className="signed">Recorded by {t.recordedBy} <When value={t.recordedAt} /></p>
          </li>
        ))}
      </ul>
      <TagAdult id={id} />
    </section>
  );
}

function TagAdult({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [kind, setKind] = useState("");
  const [reference, setReference] = useState("");
  const [summary, setSummary] = useState("");
  const tag = useMutation({
    mutationFn: () => api.post<AdultTag>(`/api/referrals/young-people/${id}/adult-tags`, {
      name, sourceKind: kind || null, sourceReference: reference.trim() || null, summary,
    }),
    onSuccess: async () => {
      setName(""); setKind(""); setReference(""); setSummary("");
      await queryClient.invalidateQueries({ queryKey: ["adult-tags", id] });
    },
  });
  const others = tag.data?.otherYoungPeople.length ?? 0;
  return (
    <form className="note-form" onSubmit={(e) => { e.preventDefault(); tag.mutate(); }} noValidate aria-label="Name an adult on this record">
      <h3>Name an adult this record mentions</h3>
      <p className="hint">They join the register of persons of concern; a network across children is flagged.</p>
      <Field id="adult-name" field="name" label="The adult's name" error={tag.error} hint="As written; a nickname is fine.">
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
      </Field>
      <Field id="adult-kind" field="sourceKind" label="Where on this record they are named" error={tag.error}>
        {(p) => (
          <select {...p} value={kind} onChange={(e) => { setKind(e.target.value); setReference(""); }}>
            <option value="">Choose…</option>
            {Object.entries(sourceKinds).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        )}
      </Field>
      <SourceReference id="adult-reference" youngPersonId={id} kind={kind} value={reference} onChange={setReference} error={tag.error} />
      <Field id="adult-summary" field="summary" label="What the record says about them" error={tag.error}>
        {(p) => <textarea {...p} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />}
      </Field>
      <button type="submit" disabled={tag.isPending}>Name the adult</button>
      <ProblemSummary error={tag.error} fields={["name", "sourceKind", "sourceReference", "summary"]} />
      {tag.isSuccess && (
        <p role="status">
          {tag.data.name} is named on this record{others > 0 ? `; ${others === 1 ? "another young person is" : `${others} other young people are`} linked to them too` : ""}.
        </p>
      )}
    </form>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The key worker's list.

export function CrossReferencesForMe() {
  const queryClient = useQueryClient();
  const [done, setDone] = useState<CrossReference | null>(null);
  const mine = useQuery({
    queryKey: ["cross-references-mine"],
    queryFn: () => api.get<CrossReference[]>("/api/referrals/cross-references/mine"),
  });
  const acknowledge = useMutation({
    mutationFn: (r: CrossReference) => api.post<void>(`/api/referrals/cross-references/${r.id}/acknowledge`).then(() => r),
    onSuccess: async (r) => {
      setDone(r);
      await queryClient.invalidateQueries({ queryKey: ["cross-references-mine"] });
      await queryClient.invalidateQueries({ queryKey: ["cross-references", r.youngPersonId] });
    },
  });
  return (
    <section aria-labelledby="xref-mine-title" className="phone-first">
      <h1 id="xref-mine-title">Cross-references for me</h1>
      <p className="hint">What other records say about the young people you are key worker for, until you acknowledge it.</p>
      {done && <p role="status">Acknowledged: <PersonName id={done.youngPersonId} /> on <PersonName id={done.sourceYoungPersonId} />'s record.</p>}
      {mine.isPending && <p role="status">Loading your cross-references…</p>}
      {mine.error && <ProblemSummary error={mine.error} />}
      <ProblemSummary error={acknowledge.error} />
      {mine.data?.length === 0 && <p>Nothing is waiting for you.</p>}
      <ul className="cards">
        {mine.data?.map((r) => (
          <li key={r.id} className="card" data-testid="cross-reference">
            <h2>About <Link to={`/young-people/${r.youngPersonId}`}><PersonName id={r.youngPersonId} /></Link></h2>
            <p>On <Link to={`/young-people/${r.sourceYoungPersonId}`}><PersonName id={r.sourceYoungPersonId} /></Link>'s record, in {where(r)}:</p>
            <blockquote>{r.summary}</blockquote>
            <p className="signed">Recorded by {r.recordedBy} <When value={r.recordedAt} /></p>
            <button type="button" onClick={() => acknowledge.mutate(r)} disabled={acknowledge.isPending}>Acknowledge</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
