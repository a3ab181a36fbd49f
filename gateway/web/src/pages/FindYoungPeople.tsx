import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { useMutation, useQuery } from "@tanstack/react-query";
import { api, query } from "../api";
import { Field } from "../components/Field";
import { ProblemSummary } from "../components/Problem";
import { formatDate } from "../time";

type Match = { id: string; displayName: string; dateOfBirth: string; localArea: string; matchedOn: string[] };
type Registered = { id: string };
const genders = ["Female", "Male", "NonBinary", "SelfDescribed", "NotKnown", "PreferNotToSay"];

/**
 * Find a young person before anything is recorded, so nobody gets a second record (duplicate-aware): the registry
 * answers possible matches best first with what each matched on. The search terms stay in this page's state, never
 * in the URL (no personal data in addresses, history or logs).
 */
export function FindYoungPeople() {
  const [name, setName] = useState("");
  const [dateOfBirth, setDateOfBirth] = useState("");
  const [submitted, setSubmitted] = useState<{ name: string; dateOfBirth: string } | null>(null);
  const search = useQuery({
    queryKey: ["young-people-search", submitted],
    queryFn: () => api.get<Match[]>(`/api/referrals/young-people${query({ name: submitted!.name, dateOfBirth: submitted!.dateOfBirth })}`),
    enabled: submitted !== null,
    retry: false,
  });
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted({ name: name.trim(), dateOfBirth });
  };

  return (
    <section aria-labelledby="find-title">
      <h1 id="find-title">Find a young person</h1>
      <form onSubmit={onSearch} className="inline-form" role="search" aria-label="Young people" noValidate>
        <Field id="find-name" field="name" label="Name" error={search.error}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
        </Field>
        <Field id="find-dob" field="dateOfBirth" label="Date of birth" error={search.error}>
          {(p) => <input {...p} type="date" value={dateOfBirth} onChange={(e) => setDateOfBirth(e.target.value)} />}
        </Field>
        <button type="submit">Search</button>
      </form>
      <ProblemSummary error={search.error} fields={["name", "dateOfBirth"]} />
      {search.isFetching && <p role="status">Searching…</p>}
      {search.data && (
        <div aria-live="polite">
          {search.data.length === 0 && <p>No possible match. Check the spelling, or register the young person below.</p>}
          {search.data.length > 1 && (
            <p className="notice">{search.data.length} possible matches: check each before recording anything, so the same young person is not recorded twice.</p>
          )}
          {search.data.length > 0 && (
            <table>
              <caption>Possible matches, best first</caption>
              <thead>
                <tr><th scope="col">Name</th><th scope="col">Date of birth</th><th scope="col">Area</th><th scope="col">Matched on</th></tr>
              </thead>
              <tbody>
                {search.data.map((m) => (
                  <tr key={m.id}>
                    <td><Link to={`/young-people/${m.id}`}>{m.displayName}</Link></td>
                    <td>{formatDate(m.dateOfBirth)}</td>
                    <td>{m.localArea}</td>
                    <td>{m.matchedOn.join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      {submitted && search.data && <Register initialName={submitted.name} initialDateOfBirth={submitted.dateOfBirth} />}
    </section>
  );
}

function Register({ initialName, initialDateOfBirth }: { initialName: string; initialDateOfBirth: string }) {
  const navigate = useNavigate();
  const [parts] = useState(() => initialName.split(/\s+/));
  const [form, setForm] = useState({
    givenName: parts[0] ?? "", familyName: parts.slice(1).join(" "), dateOfBirth: initialDateOfBirth, gender: "", localArea: "",
  });
  const register = useMutation({
    mutationFn: () => api.post<Registered>("/api/referrals/young-people", { ...form, gender: form.gender || undefined }),
    onSuccess: (r) => navigate(`/young-people/${r.id}`),
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <details className="register">
      <summary>None of these: register a new young person</summary>
      <form onSubmit={(e) => { e.preventDefault(); register.mutate(); }} noValidate>
        <Field id="reg-given" field="givenName" label="Given name" error={register.error}>
          {(p) => <input {...p} value={form.givenName} onChange={set("givenName")} autoComplete="off" />}
        </Field>
        <Field id="reg-family" field="familyName" label="Family name" error={register.error}>
          {(p) => <input {...p} value={form.familyName} onChange={set("familyName")} autoComplete="off" />}
        </Field>
        <Field id="reg-dob" field="dateOfBirth" label="Date of birth" error={register.error}>
          {(p) => <input {...p} type="date" value={form.dateOfBirth} onChange={set("dateOfBirth")} />}
        </Field>
        <Field id="reg-gender" field="gender" label="Gender" error={register.error}>
          {(p) => (
            <select {...p} value={form.gender} onChange={set("gender")}>
              <option value="">Choose…</option>
              {genders.map((g) => <option key={g} value={g}>{g}</option>)}
            </select>
          )}
        </Field>
        <Field id="reg-area" field="localArea" label="Local area" error={register.error}>
          {(p) => <input {...p} value={form.localArea} onChange={set("localArea")} />}
        </Field>
        <button type="submit" disabled={register.isPending}>Register</button>
        <ProblemSummary error={register.error} fields={["givenName", "familyName", "dateOfBirth", "gender", "localArea"]} />
      </form>
    </details>
  );
}
