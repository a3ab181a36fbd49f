import { useQuery } from "@tanstack/react-query";
import { api } from "../api";

/** The young person's name, from the same audited names lookup the lists use; a refusal leaves a neutral phrase. */
export function PersonName({ id }: { id: string }) {
  const names = useYoungPersonNames([id]);
  return <>{names.get(id) ?? "the young person"}</>;
}

/** "OutreachWorker" as "Outreach worker", "IRO" as it is. */
export const roleLabel = (role: string) =>
  role.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/ ([A-Z])(?=[a-z])/g, (_, c: string) => ` ${c.toLowerCase()}`);

type YoungPersonName = { id: string; displayName: string };

/** services/Referrals/Features/YoungPeople/YoungPersonNames.cs: the current names of the listed young people, 200 ids a request. */
export function useYoungPersonNames(ids: string[]): Map<string, string> {
  const unique = [...new Set(ids)].sort();
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += 200) batches.push(unique.slice(i, i + 200));
  const names = useQuery({
    queryKey: ["young-person-names", unique],
    queryFn: async () => (await Promise.all(batches.map((batch) =>
      api.get<YoungPersonName[]>(`/api/referrals/young-people/names?${batch.map((id) => `ids=${encodeURIComponent(id)}`).join("&")}`)))).flat(),
    enabled: unique.length > 0,
    staleTime: 60_000,
    retry: false,
  });
  return new Map((names.data ?? []).map((n) => [n.id, n.displayName]));
}
