import { useQuery } from "@tanstack/react-query";
import { api } from "../api";

/** The young person's name, from the record every case-staff role may read; a refusal leaves a neutral phrase. */
export function PersonName({ id }: { id: string }) {
  const person = useQuery({
    queryKey: ["young-person", id],
    queryFn: () => api.get<{ displayName: string }>(`/api/referrals/young-people/${id}`),
    retry: false,
  });
  return <>{person.data?.displayName ?? "the young person"}</>;
}

/** "OutreachWorker" as "Outreach worker", "IRO" as it is. */
export const roleLabel = (role: string) =>
  role.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/ ([A-Z])(?=[a-z])/g, (_, c: string) => ` ${c.toLowerCase()}`);
