import { useState } from "react";
import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { api } from "../api";
import { Field } from "./Field";
import { ProblemSummary } from "./Problem";
import { londonToday } from "../time";

/** Support.Contracts.UnmetNeeds.UnmetNeedReason (COM-05), as the people who record them say it. */
export const unmetReasons: Record<string, string> = {
  NotAvailable: "Not available", Waitlisted: "Waitlisted", CriteriaNotMet: "Criteria not met", CostConstraint: "Cost",
  NoProvider: "No provider", DeclinedByService: "Declined by the service",
};


/**
 * COM-05: an unmet need a service recorded was met after all: the day and how, posted to that service's
 * `.../unmet-needs/{id}/met` (LeavingCare's and Referrals' registers answer alike), which tells the platform's ledger.
 * The need stays on the record with both.
 */
export function RecordUnmetNeedMet({ url, queryKey, needId, needLabel }: { url: string; queryKey: QueryKey; needId: string; needLabel: string }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ metOn: londonToday(), how: "" });
  const met = useMutation({
    mutationFn: () => api.post(url, { metOn: form.metOn || undefined, how: form.how || undefined }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey }),
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <form onSubmit={(e) => { e.preventDefault(); met.mutate(); }} noValidate className="inline-form" aria-label={`Record ${needLabel} as met`}>
      <Field id={`met-on-${needId}`} field="metOn" label="Met on" error={met.error}>
        {(p) => <input {...p} type="date" value={form.metOn} onChange={set("metOn")} />}
      </Field>
      <Field id={`met-how-${needId}`} field="how" label="How it was met" error={met.error}>
        {(p) => <input {...p} value={form.how} onChange={set("how")} />}
      </Field>
      <button type="submit" className="small" disabled={met.isPending}>Record as met</button>
      <ProblemSummary error={met.error} fields={["metOn", "how"]} />
    </form>
  );
}
