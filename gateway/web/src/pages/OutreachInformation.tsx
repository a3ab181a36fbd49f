import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { api } from "../api";
import { Field, nowForLocalInput } from "../components/Field";
import { ProblemSummary } from "../components/Problem";
import { When } from "../components/When";
import type { Instant } from "../time";

// OUT-03, INT-01, INT-07, OUT-10 (services/Outreach/README.md): soft information word for word, with who gave it and
// how, the worker's grading, and the people, nicknames, vehicles, phones, addresses and places it names. A person or a
// nickname may be described as the source described them (gender, ethnicity), never guessed. Loaded after the contact
// form, so the street screen draws as fast as before.

type Mention = { kind: string; value: string; gender: string; ethnicity: string };
type RecordedMention = { kind: string; value: string; normalised: string; gender: string | null; ethnicity: string | null };
type RecordedItem = { id: string; dispositionDueAt: Instant; mentions: RecordedMention[] };

const sourceKinds = [
  ["YoungPersonFirstHand", "The young person themselves"], ["Peer", "A friend or peer"], ["Parent", "A parent or carer"],
  ["Professional", "A professional"], ["WorkerObservation", "I saw it myself"], ["Anonymous", "Anonymous"],
] as const;
const hands = [["FirstHand", "First-hand: they saw or heard it"], ["SecondHand", "Second-hand: told by someone who did"], ["ThirdHand", "Third-hand or rumour"]] as const;
const evaluations = [["", "Not graded"], ["Reliable", "1: Reliable"], ["Untested", "2: Untested"], ["NotReliable", "3: Not reliable"]] as const;
const assessments = [
  ["", "Not graded"], ["KnownDirectly", "A: Known directly"], ["KnownIndirectlyCorroborated", "B: Known indirectly, corroborated"],
  ["KnownIndirectly", "C: Known indirectly"], ["NotKnown", "D: Not known"], ["SuspectedFalse", "E: Suspected false"],
] as const;
const handlings = [["", "Not set"], ["LawfulSharingPermitted", "Lawful sharing permitted"], ["ConditionsApply", "Conditions apply"]] as const;
const mentionKinds = [["Person", "Person"], ["Nickname", "Nickname"], ["Vehicle", "Vehicle"], ["Phone", "Phone"], ["Address", "Address"], ["Place", "Place"]] as const;
const describable = new Set(["Person", "Nickname"]);

export function AddInformation({ people, aliases }: { people: { id: string; name: string }[]; aliases: { id: string; name: string }[] }) {
  const blank = () => ({
    who: "", words: "", sourceKind: "", reportedBy: "", hand: "", receivedAt: nowForLocalInput(), sourceEvaluation: "", intelligenceAssessment: "", handling: "",
  });
  const [form, setForm] = useState(blank);
  const [mentions, setMentions] = useState<Mention[]>([]);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const set = (field: keyof ReturnType<typeof blank>) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  const setMention = (i: number, change: Partial<Mention>) => setMentions(mentions.map((m, j) => (j === i ? { ...m, ...change } : m)));
  const record = useMutation({
    mutationFn: () => {
      const [kind, id] = form.who.split(":");
      return api.post<RecordedItem>("/api/outreach/information-items", {
        youngPersonId: kind === "yp" ? id : undefined,
        aliasId: kind === "alias" ? id : undefined,
        words: form.words,
        sourceKind: form.sourceKind || null,
        reportedBy: form.reportedBy,
        hand: form.hand || null,
        receivedAt: form.receivedAt || null,
        sourceEvaluation: form.sourceEvaluation || undefined,
        intelligenceAssessment: form.intelligenceAssessment || undefined,
        handling: form.handling || undefined,
        mentions: mentions.map((m) => ({
          kind: m.kind, value: m.value,
          gender: describable.has(m.kind) && m.gender.trim() ? m.gender : undefined,
          ethnicity: describable.has(m.kind) && m.ethnicity.trim() ? m.ethnicity : undefined,
        })),
      }, { "Idempotency-Key": idempotencyKey });
    },
    onSuccess: () => { setForm(blank()); setMentions([]); setIdempotencyKey(crypto.randomUUID()); },
  });
  const mentionFields = mentions.flatMap((_, i) => [`mentions[${i}].kind`, `mentions[${i}].value`, `mentions[${i}].gender`, `mentions[${i}].ethnicity`]);
  return (
    <form className="note-form" noValidate onSubmit={(e) => { e.preventDefault(); record.mutate(); }} aria-labelledby="information-title">
      <h2 id="information-title">Add information</h2>
      <p className="hint">Exactly what was said, who said it and how they know. It is never deleted; a manager sees it until it has an outcome.</p>
      <Field id="info-who" field="youngPersonId" label="About (optional)" error={record.error}>
        {(p) => (
          <select {...p} value={form.who} onChange={set("who")}>
            <option value="">Nobody in particular</option>
            {people.map((y) => <option key={y.id} value={`yp:${y.id}`}>{y.name}</option>)}
            {aliases.map((a) => <option key={a.id} value={`alias:${a.id}`}>{a.name} (alias)</option>)}
          </select>
        )}
      </Field>
      <Field id="info-words" field="words" label="Exactly what was said" error={record.error}>
        {(p) => <textarea {...p} rows={4} value={form.words} onChange={set("words")} />}
      </Field>
      <Field id="info-source" field="sourceKind" label="Who told you" error={record.error}>
        {(p) => (
          <select {...p} value={form.sourceKind} onChange={set("sourceKind")}>
            <option value="">Choose…</option>
            {sourceKinds.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
          </select>
        )}
      </Field>
      <Field id="info-reported-by" field="reportedBy" label="Describe them" error={record.error} hint="For example: her friend from the Clifton Park group.">
        {(p) => <input {...p} value={form.reportedBy} onChange={set("reportedBy")} />}
      </Field>
      <Field id="info-hand" field="hand" label="How they know" error={record.error}>
        {(p) => (
          <select {...p} value={form.hand} onChange={set("hand")}>
            <option value="">Choose…</option>
            {hands.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
          </select>
        )}
      </Field>
      <Field id="info-received" field="receivedAt" label="When you were told (UK time)" error={record.error}>
        {(p) => <input {...p} type="datetime-local" value={form.receivedAt} onChange={set("receivedAt")} />}
      </Field>
      <details>
        <summary>Grading (optional)</summary>
        <Field id="info-evaluation" field="sourceEvaluation" label="Source" error={record.error}>
          {(p) => <select {...p} value={form.sourceEvaluation} onChange={set("sourceEvaluation")}>{evaluations.map(([v, t]) => <option key={v} value={v}>{t}</option>)}</select>}
        </Field>
        <Field id="info-assessment" field="intelligenceAssessment" label="Information" error={record.error}>
          {(p) => <select {...p} value={form.intelligenceAssessment} onChange={set("intelligenceAssessment")}>{assessments.map(([v, t]) => <option key={v} value={v}>{t}</option>)}</select>}
        </Field>
        <Field id="info-handling" field="handling" label="Handling" error={record.error}>
          {(p) => <select {...p} value={form.handling} onChange={set("handling")}>{handlings.map(([v, t]) => <option key={v} value={v}>{t}</option>)}</select>}
        </Field>
      </details>
      <fieldset>
        <legend>Who and what it names</legend>
        {mentions.map((m, i) => (
          <div key={i} className="mention" data-testid="mention">
            <Field id={`mention-${i}-kind`} field={`mentions[${i}].kind`} label={`Named ${i + 1}: what`} error={record.error}>
              {(p) => <select {...p} value={m.kind} onChange={(e) => setMention(i, { kind: e.target.value })}>{mentionKinds.map(([v, t]) => <option key={v} value={v}>{t}</option>)}</select>}
            </Field>
            <Field id={`mention-${i}-value`} field={`mentions[${i}].value`} label={`Named ${i + 1}: as they said it`} error={record.error}>
              {(p) => <input {...p} value={m.value} onChange={(e) => setMention(i, { value: e.target.value })} />}
            </Field>
            {describable.has(m.kind) && (
              <>
                <Field id={`mention-${i}-gender`} field={`mentions[${i}].gender`} label={`Named ${i + 1}: gender, as described (optional)`} error={record.error}
                  hint="Only what the source said; never a guess.">
                  {(p) => <input {...p} value={m.gender} onChange={(e) => setMention(i, { gender: e.target.value })} />}
                </Field>
                <Field id={`mention-${i}-ethnicity`} field={`mentions[${i}].ethnicity`} label={`Named ${i + 1}: ethnicity, as described (optional)`} error={record.error}>
                  {(p) => <input {...p} value={m.ethnicity} onChange={(e) => setMention(i, { ethnicity: e.target.value })} />}
                </Field>
              </>
            )}
            <button type="button" className="secondary" onClick={() => setMentions(mentions.filter((_, j) => j !== i))}>Remove named {i + 1}</button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => setMentions([...mentions, { kind: "Person", value: "", gender: "", ethnicity: "" }])}>
          Add a person, vehicle, phone or place it names
        </button>
      </fieldset>
      <button type="submit" className="big" disabled={record.isPending}>Record the information</button>
      <ProblemSummary error={record.error} fields={["youngPersonId", "words", "sourceKind", "reportedBy", "hand", "receivedAt", "sourceEvaluation", "intelligenceAssessment", "handling", ...mentionFields]} />
      {record.data && (
        <p role="status">
          Recorded: it needs an outcome by <When value={record.data.dispositionDueAt} />.
          {record.data.mentions.length > 0 && <> Named: {record.data.mentions.map((m) => `${m.kind.toLowerCase()} ${m.normalised}${m.gender || m.ethnicity ? ` (${[m.gender, m.ethnicity].filter(Boolean).join(", ")})` : ""}`).join("; ")}.</>}
        </p>
      )}
    </form>
  );
}
